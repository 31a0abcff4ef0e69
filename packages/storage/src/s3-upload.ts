import type { Readable } from "node:stream";
import {
  AbortMultipartUploadCommand,
  type CompletedPart,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";

export const MIN_PART_SIZE = 5 * 1024 * 1024;

interface UploadTarget {
  client: S3Client;
  bucket: string;
  key: string;
  contentType?: string;
  partSize: number;
  expectedLength?: number;
}

function assertLength(target: UploadTarget, received: number): void {
  if (target.expectedLength !== undefined && target.expectedLength !== received) {
    throw new Error(`Blob ${target.key}: expected ${target.expectedLength} bytes, received ${received}`);
  }
}

function unquote(etag: string | undefined): string {
  return (etag ?? "").replace(/^(W\/)?"|"$/g, "");
}

// Yields buffers of exactly `partSize` bytes (the last may be shorter): memory stays at about
// one part however long the stream is, and every part but the last meets S3's 5 MiB minimum.
export async function* splitIntoParts(
  source: AsyncIterable<unknown>,
  partSize: number,
): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let yielded = false;
  for await (const chunk of source) {
    let buffer: Buffer = typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    while (pendingBytes + buffer.length >= partSize) {
      const take = partSize - pendingBytes;
      pending.push(buffer.subarray(0, take));
      yield Buffer.concat(pending, partSize);
      yielded = true;
      buffer = buffer.subarray(take);
      pending = [];
      pendingBytes = 0;
    }
    if (buffer.length > 0) {
      pending.push(buffer);
      pendingBytes += buffer.length;
    }
  }
  // A stream that ends on a part boundary must not produce an empty trailing part;
  // an empty stream still yields one empty part so it can be stored as an empty object.
  if (pendingBytes > 0 || !yielded) yield Buffer.concat(pending, pendingBytes);
}

export async function putBuffer(target: UploadTarget, body: Uint8Array): Promise<string> {
  const result = await target.client.send(
    new PutObjectCommand({
      Bucket: target.bucket,
      Key: target.key,
      Body: body,
      ContentLength: body.byteLength,
      ...(target.contentType ? { ContentType: target.contentType } : {}),
    }),
  );
  return unquote(result.ETag);
}

/**
 * Uploads a stream of unknown length: one PutObject when it fits in a single part, otherwise
 * a multipart upload that is aborted on any failure so no invisible parts are left billed.
 * Returns the etag and the byte count.
 */
export async function putStream(
  target: UploadTarget,
  source: Readable,
): Promise<{ etag: string; size: number }> {
  const iterator = splitIntoParts(source, target.partSize);
  const first = await iterator.next();
  const firstPart = first.done ? Buffer.alloc(0) : first.value;
  const second = await iterator.next();
  if (second.done) {
    assertLength(target, firstPart.length);
    return { etag: await putBuffer(target, firstPart), size: firstPart.length };
  }

  const { client, bucket, key } = target;
  const created = await client.send(
    new CreateMultipartUploadCommand({
      Bucket: bucket,
      Key: key,
      ...(target.contentType ? { ContentType: target.contentType } : {}),
    }),
  );
  const uploadId = created.UploadId;
  if (!uploadId) throw new Error(`S3 did not return an UploadId for ${key}`);
  const completed: CompletedPart[] = [];
  let size = 0;
  const uploadPart = async (body: Buffer) => {
    const PartNumber = completed.length + 1;
    const result = await client.send(
      new UploadPartCommand({
        Bucket: bucket,
        Key: key,
        UploadId: uploadId,
        PartNumber,
        Body: body,
        ContentLength: body.length,
      }),
    );
    completed.push({ PartNumber, ETag: result.ETag });
    size += body.length;
  };
  try {
    await uploadPart(firstPart);
    await uploadPart(second.value);
    for await (const part of iterator) await uploadPart(part);
    assertLength(target, size);
    const done = await client.send(
      new CompleteMultipartUploadCommand({
        Bucket: bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: { Parts: completed },
      }),
    );
    return { etag: unquote(done.ETag), size };
  } catch (error) {
    await client
      .send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId }))
      .catch(() => undefined);
    throw error;
  }
}

export { unquote };
