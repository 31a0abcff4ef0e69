import { execFile } from "node:child_process";

export interface ToolResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

const MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

/**
 * Runs ffprobe/ffmpeg with an argument array — never through a shell, so no file name can become a
 * command — and SIGKILLs it when `timeoutMs` expires (a hostile file can make a demuxer spin).
 */
export function runTool(command: string, args: readonly string[], timeoutMs: number): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        timeout: timeoutMs,
        killSignal: "SIGKILL",
        maxBuffer: MAX_OUTPUT_BYTES,
        encoding: "utf8",
        shell: false,
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        if (!error) {
          resolve({ exitCode: 0, stdout, stderr, timedOut: false });
          return;
        }
        const failure = error as NodeJS.ErrnoException & {
          killed?: boolean;
          code?: unknown;
          signal?: unknown;
        };
        if (failure.code === "ENOENT") {
          reject(new Error(`${command} was not found; install ffmpeg or set FFPROBE_PATH/FFMPEG_PATH.`));
          return;
        }
        const timedOut = failure.killed === true && failure.signal === "SIGKILL";
        const exitCode = typeof failure.code === "number" ? failure.code : -1;
        resolve({ exitCode, stdout, stderr, timedOut });
      },
    );
  });
}
