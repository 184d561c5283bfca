type RichTextContentProps = {
  /** Only HTML from `renderRichTextToHtml` (sanitized on the server). */
  html: string;
  className?: string;
};

/** Shows rendered rich text with the same look as the editor. */
export function RichTextContent({ html, className = "" }: RichTextContentProps) {
  return (
    <div
      className={`text-base leading-relaxed text-slate-900 [&_a]:text-blue-800 [&_a]:underline [&_blockquote]:mb-3 [&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_h2]:mb-2 [&_h2]:mt-4 [&_h2]:text-xl [&_h2]:font-bold [&_h3]:mb-2 [&_h3]:mt-4 [&_h3]:text-lg [&_h3]:font-bold [&_h4]:mb-2 [&_h4]:mt-3 [&_h4]:font-bold [&_li]:my-1 [&_ol]:mb-3 [&_ol]:ml-6 [&_ol]:list-decimal [&_p]:mb-3 [&_ul]:mb-3 [&_ul]:ml-6 [&_ul]:list-disc ${className}`}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
