/**
 * The meaning of the lights, beside every place they appear. The Jeffreys test asks whether the
 * predicted rate is too low (ECB 2019): over-prediction stays green by design.
 */
export function LightLegend() {
  return (
    <span className="light-legend">
      Jeffreys test of under-prediction:{' '}
      <span className="light light--green">
        <span className="light__dot" aria-hidden="true" />p &gt; 5 %
      </span>{' '}
      <span className="light light--yellow">
        <span className="light__dot" aria-hidden="true" />
        0.1 % &lt; p ≤ 5 %
      </span>{' '}
      <span className="light light--red">
        <span className="light__dot" aria-hidden="true" />p ≤ 0.1 %
      </span>
    </span>
  );
}
