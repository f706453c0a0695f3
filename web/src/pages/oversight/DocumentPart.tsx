import type { ReactNode } from "react";
import type { ConfidentialMark } from "../../api/oversight.ts";
import { markCovering } from "./confidential-parts.ts";
import { ConfidentialBadge } from "./OversightBadges.tsx";

interface DocumentPartProps {
  label: string;
  /** Where the part is in the document (a JSON Pointer), to find whether its sender marked it confidential. */
  pointer: string;
  marks: readonly ConfidentialMark[];
  children: ReactNode;
}

/**
 * One part of a submitted document as a term and its value; a part the sender marked confidential
 * carries 「秘匿指定」 and the reason beside its name, and a frame around its value.
 */
export function DocumentPart({ label, pointer, marks, children }: DocumentPartProps) {
  const mark = markCovering(pointer, marks);
  return (
    <>
      <dt>
        {label}
        {mark && (
          <>
            {" "}
            <ConfidentialBadge reason={mark.reason} />
          </>
        )}
      </dt>
      <dd className={mark ? "document-part--confidential" : undefined} data-confidential={mark ? "true" : undefined} data-pointer={pointer}>
        {children}
      </dd>
    </>
  );
}
