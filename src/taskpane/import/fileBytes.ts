/**
 * A file's (or a slice's) bytes. Blob.arrayBuffer came in Safari 14; the oldest webview the add-in
 * admits is Safari 13.1 (Excel on a Mac), where FileReader reads it (in a worker too).
 */
export function bytesOf(blob: Blob): Promise<Uint8Array> {
  if (typeof blob.arrayBuffer === "function")
    return blob.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}
