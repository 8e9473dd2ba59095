/**
 * The client's access overview as a file of its own: one HTML page that needs nothing else (its
 * style inside, no script, no image), opened and printed anywhere, made in the browser from the
 * document the page shows.
 */
export const DOCUMENT_CSS = `
  body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1a1b1e;
    margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.45; }
  h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
  p { margin: .25rem 0 .75rem; }
  table { border-collapse: collapse; width: 100%; font-size: .875rem; margin-top: 1rem; }
  caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
  th, td { text-align: left; vertical-align: top; padding: .375rem .5rem; border-bottom: 1px solid #ced4da; }
  th { border-bottom: 2px solid #495057; }
  strong { font-weight: 600; }
  @media print { body { margin: 0; max-width: none; } tr { break-inside: avoid; } }
`;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

/**
 * A complete HTML file around `bodyHtml` (the document's markup as the page rendered it, so
 * its text is already escaped by React), titled and in the document's language.
 */
export function overviewFile(bodyHtml: string, title: string, language: string): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${DOCUMENT_CSS}</style>`,
    '</head>',
    `<body>${bodyHtml}</body>`,
    '</html>',
  ].join('\n');
}
