import { createHash } from "node:crypto";
import { DeleteObjectsCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { createS3Client, type S3ClientSettings } from "./s3.ts";

const base: S3ClientSettings = {
  endpoint: "http://127.0.0.1:1",
  region: "us-east-1",
  accessKeyId: "key",
  secretAccessKey: "secret",
  forcePathStyle: true,
};

/** The headers and body of the request the client would send, captured instead of sent. */
async function captured(client: S3Client, command: DeleteObjectsCommand | PutObjectCommand) {
  let seen: { headers: Record<string, string>; body: unknown } | undefined;
  client.middlewareStack.add(
    () => async (args) => {
      seen = args.request as typeof seen;
      throw new Error("captured");
    },
    { step: "finalizeRequest", priority: "low", name: "capture" },
  );
  await expect(client.send(command as DeleteObjectsCommand)).rejects.toThrow("captured");
  if (!seen) throw new Error("no request");
  return seen;
}

const deleteTwo = () =>
  new DeleteObjectsCommand({ Bucket: "b", Delete: { Objects: [{ Key: "a" }, { Key: "a.info" }] } });

describe("S3 clients for S3-compatible servers (checksums when required)", () => {
  it("send DeleteObjects with Content-MD5 and no CRC, signed", async () => {
    const { headers, body } = await captured(createS3Client(base), deleteTwo());
    expect(headers["content-md5"]).toBe(createHash("md5").update(String(body)).digest("base64"));
    expect(Object.keys(headers).filter((name) => name.startsWith("x-amz-checksum-"))).toEqual([]);
    expect(headers.authorization).toMatch(/SignedHeaders=[^,]*content-md5/);
  });

  it("leave other requests alone", async () => {
    const { headers } = await captured(
      createS3Client(base),
      new PutObjectCommand({ Bucket: "b", Key: "k", Body: "x" }),
    );
    expect(headers["content-md5"]).toBeUndefined();
  });

  it("keep the SDK's own checksums on AWS S3 itself (when_supported)", async () => {
    const { headers } = await captured(createS3Client({ ...base, checksums: "when_supported" }), deleteTwo());
    expect(headers["content-md5"]).toBeUndefined();
    expect(Object.keys(headers).some((name) => name.startsWith("x-amz-checksum-"))).toBe(true);
  });
});
