import { useState } from 'react';

/**
 * Copies a table as tab-separated text, which spreadsheets and report editors paste as cells.
 * If the clipboard is refused, the user is told so (the table text stays selectable).
 */
export function CopyTableButton({ rows, label = 'Copy table' }: { rows: () => string[][]; label?: string }) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    const text = rows()
      .map((row) => row.join('\t'))
      .join('\n');
    try {
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
    window.setTimeout(() => setStatus('idle'), 2000);
  };
  return (
    <button type="button" className="button button--small" onClick={() => void copy()}>
      {status === 'copied' ? 'Copied' : status === 'failed' ? 'Select and copy instead' : label}
    </button>
  );
}
