/**
 * Saves `content` as a file the browser downloads, made here (no round trip, no URL that holds
 * the content): the object URL lives only until the download has started.
 */
export function saveFile(name: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name part from a client number or date: letters, digits and dashes only. */
export function fileNamePart(value: string): string {
  return value.replace(/[^A-Za-z0-9-]+/g, '-');
}
