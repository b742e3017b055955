/** Saves a fetched file through a temporary blob link (the download needed the token, so no plain link works). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: Chrome starts the download asynchronously after click().
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
