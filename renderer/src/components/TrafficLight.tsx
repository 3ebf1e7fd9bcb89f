type Light = 'green' | 'yellow' | 'red';

const MEANING: Record<Light, string> = {
  green: 'Green',
  yellow: 'Yellow',
  red: 'Red',
};

/** A light with its word beside it: colour alone would not reach everyone, nor a pasted report. */
export function TrafficLight({ light }: { light: Light | null }) {
  if (light === null) return <span className="muted">—</span>;
  return (
    <span className={`light light--${light}`}>
      <span className="light__dot" aria-hidden="true" />
      {MEANING[light]}
    </span>
  );
}
