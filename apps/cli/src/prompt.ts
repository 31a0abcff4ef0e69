import { createInterface } from "node:readline/promises";

/** Asks on the terminal; `hidden` echoes nothing (a password). */
export async function ask(question: string, hidden = false): Promise<string> {
  const output = process.stderr;
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  if (hidden) {
    // readline echoes what it writes through _writeToOutput; after the question, write nothing.
    const internal = rl as unknown as { _writeToOutput: (text: string) => void };
    const write = internal._writeToOutput.bind(rl);
    let asked = false;
    internal._writeToOutput = (text) => {
      if (!asked) write(text);
      asked = true;
    };
  }
  try {
    return (await rl.question(question)).trim();
  } finally {
    if (hidden) output.write("\n");
    rl.close();
  }
}

/** All of stdin, without the final newline (`--password-stdin`). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}
