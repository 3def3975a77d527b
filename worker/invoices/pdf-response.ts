/** An invoice PDF: downloaded under the order's name, never kept by a shared cache. */
export function pdfResponse(file: { body: ReadableStream; filename: string }): Response {
  return new Response(file.body, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
