/**
 * An ICO container around one PNG image: a 6-byte header (reserved, type 1 = icon, one image) and a
 * 16-byte directory entry (width, height, colours, reserved, planes, bits per pixel, size, offset).
 */
export function icoFromPng(png: Uint8Array, size: number): Uint8Array<ArrayBuffer> {
  const header = 6 + 16;
  const ico = new Uint8Array(header + png.length);
  const view = new DataView(ico.buffer);
  view.setUint16(2, 1, true);
  view.setUint16(4, 1, true);
  // 0 stands for 256 in the one-byte width and height.
  ico[6] = size % 256;
  ico[7] = size % 256;
  view.setUint16(10, 1, true);
  view.setUint16(12, 32, true);
  view.setUint32(14, png.length, true);
  view.setUint32(18, header, true);
  ico.set(png, header);
  return ico;
}
