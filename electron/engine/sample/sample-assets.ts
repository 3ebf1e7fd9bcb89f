/** One traded asset of the synthetic venue. */
export interface SampleAsset {
  ticker: string;
  /** Relative share of positions opened on this asset (normalised over the table). */
  weight: number;
  /** The production model's annualised volatility estimate for the asset (a long-run average). */
  longRunVol: number;
  /**
   * How much more volatile the asset really is than its long-run estimate, in every regime. 1 for all
   * but PEPE, whose estimate is stale, so a per-asset recalibration has something to find there.
   */
  volUnderstatement: number;
}

export const SAMPLE_ASSETS: readonly SampleAsset[] = [
  { ticker: 'BTC', weight: 30, longRunVol: 0.55, volUnderstatement: 1 },
  { ticker: 'ETH', weight: 20, longRunVol: 0.7, volUnderstatement: 1 },
  { ticker: 'SOL', weight: 11, longRunVol: 0.9, volUnderstatement: 1 },
  { ticker: 'XRP', weight: 8, longRunVol: 0.85, volUnderstatement: 1 },
  { ticker: 'BNB', weight: 6, longRunVol: 0.6, volUnderstatement: 1 },
  { ticker: 'DOGE', weight: 6, longRunVol: 1.05, volUnderstatement: 1 },
  { ticker: 'ADA', weight: 4, longRunVol: 0.9, volUnderstatement: 1 },
  { ticker: 'AVAX', weight: 4, longRunVol: 1.0, volUnderstatement: 1 },
  { ticker: 'LINK', weight: 3.5, longRunVol: 0.95, volUnderstatement: 1 },
  { ticker: 'LTC', weight: 3, longRunVol: 0.75, volUnderstatement: 1 },
  { ticker: 'DOT', weight: 2.5, longRunVol: 0.9, volUnderstatement: 1 },
  { ticker: 'PEPE', weight: 2, longRunVol: 1.2, volUnderstatement: 1.5 },
];
