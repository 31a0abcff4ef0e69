// For tests and benchmarks: what a tus client does for one file, against the handler in-process.
import { UPLOAD_ENDPOINT } from "./create-upload.ts";
import type { UploadRequestHandler } from "./tus-server.ts";

async function tusRequest(
  tus: UploadRequestHandler,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer,
): Promise<void> {
  const response = await tus(
    new Request(`http://127.0.0.1${path}`, {
      method,
      headers: { "Tus-Resumable": "1.0.0", ...headers },
      ...(body ? { body } : {}),
    }),
  );
  if (response.status >= 300) throw new Error(`tus ${method} ${response.status}: ${await response.text()}`);
}

/** Creates the tus upload for an opened upload id and sends every byte in one PATCH. */
export async function sendOverTus(
  tus: UploadRequestHandler,
  uploadId: string,
  filename: string,
  data: Buffer,
): Promise<void> {
  const metadata = [`uploadId ${btoa(uploadId)}`, `filename ${btoa(filename)}`].join(",");
  await tusRequest(tus, "POST", UPLOAD_ENDPOINT, {
    "Upload-Length": String(data.length),
    "Upload-Metadata": metadata,
  });
  await tusRequest(
    tus,
    "PATCH",
    `${UPLOAD_ENDPOINT}/${uploadId}`,
    { "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" },
    data,
  );
}
