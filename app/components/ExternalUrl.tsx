import { readableUrl, safeHttpUrl } from '../../lib/ui/url-text';

/** The original article's address, left to right and isolated from the Persian line around it. */
export function ExternalUrl({ url, className, full }: { url: string | null; className?: string; full?: boolean }) {
  const href = safeHttpUrl(url);
  if (!href) return null;
  const shown = readableUrl(full ? href : href.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, ''));
  return (
    <bdi dir="ltr" className={`inline-block truncate align-bottom ${className ?? ''}`}>
      <a
        href={href}
        rel="noopener noreferrer nofollow"
        data-testid="original-url"
        className="text-amber-800 underline-offset-2 hover:underline dark:text-amber-300"
      >
        {shown}
      </a>
    </bdi>
  );
}
