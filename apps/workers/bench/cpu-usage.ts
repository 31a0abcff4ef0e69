// Where the CPU goes during a bench phase, from /proc (Linux): how busy the whole machine was, and the
// CPU seconds of this process, the worker, PostgreSQL and NATS. A pipeline slower than the raw run is
// either doing more work (CPU seconds per image go up) or leaving cores idle (the machine is not busy).
import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";

// USER_HZ: the unit of /proc times; 100 on every Linux build this runs on.
const TICKS_PER_SECOND = 100;

function systemTicks(): { busy: number; total: number } {
  const fields = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").trim().split(/\s+/).slice(1);
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] =
    fields.map(Number);
  const busy = user + nice + system + irq + softirq + steal;
  return { busy, total: busy + idle + iowait };
}

/** utime + stime from a /proc/<pid>/stat or /proc/<pid>/task/<tid>/stat file, in ticks. */
function ticksIn(statPath: string): number {
  const stat = readFileSync(statPath, "utf8");
  // The command name may hold spaces; the fields after its closing parenthesis are fixed.
  const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(rest[11]) + Number(rest[12]);
}

/** utime + stime of one process, in ticks; 0 if it is gone. */
function processTicks(pid: number): number {
  try {
    return ticksIn(`/proc/${pid}/stat`);
  } catch {
    return 0;
  }
}

const msPerItem = (ticks: number, items: number) =>
  `${((1000 * ticks) / TICKS_PER_SECOND / items).toFixed(0)} ms`;

function pidsNamed(name: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() === name) pids.push(Number(entry));
    } catch {
      // exited while listing
    }
  }
  return pids;
}

/** A process's CPU ticks by thread name (MainThread, V8Worker, libuv-worker, libvips…); "exited" holds
 * threads that ended since the process started (their ticks stay in the process total only). */
export function threadTicks(pid: number): Map<string, number> {
  const byName = new Map<string, number>();
  let live = 0;
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, "utf8").trim();
        const ticks = ticksIn(`/proc/${pid}/task/${tid}/stat`);
        live += ticks;
        byName.set(name, (byName.get(name) ?? 0) + ticks);
      } catch {
        // the thread ended while listing
      }
    }
  } catch {
    return byName;
  }
  byName.set("exited", Math.max(0, processTicks(pid) - live));
  return byName;
}

/** Per-thread-name CPU per item between two threadTicks samples of one process. */
export function describeThreads(
  before: Map<string, number>,
  after: Map<string, number>,
  items: number,
): string {
  const used = [...after]
    .map(([name, ticks]) => [name, ticks - (before.get(name) ?? 0)] as const)
    .filter(([, ticks]) => ticks > 0)
    .sort((a, b) => b[1] - a[1]);
  return used.map(([name, ticks]) => `${name} ${msPerItem(ticks, items)}`).join(", ");
}

export interface CpuSample {
  system: { busy: number; total: number };
  groups: Map<string, number>;
}

export interface CpuGroups {
  [label: string]: () => number[];
}

/** This process, any pids the caller names, and the services the pipeline leans on. */
export function cpuGroups(extra: CpuGroups = {}): CpuGroups {
  return {
    "this process": () => [process.pid],
    ...extra,
    postgres: () => pidsNamed("postgres"),
    nats: () => pidsNamed("nats-server"),
  };
}

export function sampleCpu(groups: CpuGroups): CpuSample {
  const ticks = new Map<string, number>();
  for (const [label, pids] of Object.entries(groups)) {
    ticks.set(
      label,
      pids().reduce((sum, pid) => sum + processTicks(pid), 0),
    );
  }
  return { system: systemTicks(), groups: ticks };
}

/**
 * One line: the machine's busy share over the phase, and each group's CPU time per item; "other" is the
 * rest of the machine's busy time (processes that exited within the phase land there too, e.g. short
 * PostgreSQL backends: the pools keep theirs open).
 */
export function describeCpu(before: CpuSample, after: CpuSample, items: number): string {
  const busy = after.system.busy - before.system.busy;
  const total = after.system.total - before.system.total;
  const share = total > 0 ? (100 * busy) / total : 0;
  let accounted = 0;
  const perItem = [...after.groups].map(([label, ticks]) => {
    const used = Math.max(0, ticks - (before.groups.get(label) ?? 0));
    accounted += used;
    return `${label} ${msPerItem(used, items)}`;
  });
  perItem.push(`other ${msPerItem(Math.max(0, busy - accounted), items)}`);
  return `machine ${share.toFixed(0)} % busy (${availableParallelism()} cores); CPU per image: ${perItem.join(", ")}`;
}
