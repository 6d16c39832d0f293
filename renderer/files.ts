/** Local files in and out of the renderer: the contract carries file contents as base64 strings. */

function readAs<T extends string>(file: File, read: (reader: FileReader) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as T);
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    read(reader);
  });
}

/** The file as a data: URL, e.g. for an image embedded in a body. */
export function readAsDataUrl(file: File): Promise<string> {
  return readAs(file, (reader) => reader.readAsDataURL(file));
}

/** The file's bytes as plain base64 (no data: prefix). */
export async function readAsBase64(file: File): Promise<string> {
  const url = await readAsDataUrl(file);
  return url.slice(url.indexOf(',') + 1);
}

export function readAsText(file: File): Promise<string> {
  return readAs(file, (reader) => reader.readAsText(file, 'utf-8'));
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Offers the bytes as a download under `name` (Electron shows its save dialog; browsers their download bar). */
export function downloadBase64(name: string, mime: string, base64: string): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(base64)], { type: mime || 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the download time to start before the bytes are released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The extension of a file name, lower case, without the dot ('' when there is none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}
