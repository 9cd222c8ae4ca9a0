import { latinRuns } from '../../lib/ui/bidi-text';

/** A Persian message whose Latin words and dates keep their order (each in a <bdi>). */
export function FaText({ text }: { text: string }) {
  return (
    <>
      {latinRuns(text).map((r, i) =>
        r.latin ? (
          <bdi key={i} dir="ltr">
            {r.text}
          </bdi>
        ) : (
          <span key={i}>{r.text}</span>
        ),
      )}
    </>
  );
}
