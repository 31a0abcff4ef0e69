import { readdirSync, readFileSync } from "node:fs";

/** kB from a /proc/<pid>/status line such as "VmHWM:   312345 kB", or 0 if the process is gone. */
function statusKb(pid: number, field: "VmHWM" | "VmRSS"): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function parentOf(pid: number): number {
  try {
    // The command name (field 2) may hold spaces; the parent pid is the 2nd field after its ")".
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return -1;
  }
}

/** The process and every descendant (`next start` runs behind a shell shim). */
export function processTree(root: number): number[] {
  const all = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const pid of all) {
      if (!tree.has(pid) && tree.has(parentOf(pid))) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return [...tree];
}

/** Peak resident memory of the biggest process in the tree (the Node server), in bytes. */
export function peakRss(root: number): { pid: number; bytes: number } {
  let best = { pid: root, bytes: 0 };
  for (const pid of processTree(root)) {
    const bytes = statusKb(pid, "VmHWM") * 1024;
    if (bytes > best.bytes) best = { pid, bytes };
  }
  return best;
}

export function currentRss(pid: number): number {
  return statusKb(pid, "VmRSS") * 1024;
}
