'use client';
// A <details> menu that closes once one of its links is chosen: a download does not
// navigate, so without this the menu stays open over the results after the file is saved.
import type { ReactNode } from 'react';

export function ClosingDetails({ className, testId, children }: { className?: string; testId?: string; children: ReactNode }) {
  return (
    <details
      className={className}
      data-testid={testId}
      onClick={(e) => {
        if ((e.target as Element).closest('a')) e.currentTarget.open = false;
      }}
    >
      {children}
    </details>
  );
}
