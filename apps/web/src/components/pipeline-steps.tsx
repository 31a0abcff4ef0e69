export type PipelinePhase = "idle" | "sending" | "waiting" | "delivered" | "stalled";

const steps = ["Browser", "Web", "Outbox", "JetStream", "Worker"] as const;

// How far along the round trip each phase is known to be; the later hops are only confirmed at the end.
const reached: Record<PipelinePhase, number> = { idle: 0, sending: 1, waiting: 3, delivered: 5, stalled: 3 };

export function PipelineSteps({ phase }: { phase: PipelinePhase }) {
  return (
    <ol className="pipeline" aria-label="Ping route" data-phase={phase}>
      {steps.map((step, index) => {
        const state =
          index < reached[phase] ? "done" : index === reached[phase] && phase !== "idle" ? "next" : "todo";
        return (
          <li
            key={step}
            className={`pipeline-step pipeline-${phase === "stalled" && state === "next" ? "stalled" : state}`}
          >
            {step}
          </li>
        );
      })}
    </ol>
  );
}
