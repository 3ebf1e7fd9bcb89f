import type { ModelSummary } from '../../../shared/api/calls/model-calls';
import type { Diagnostic, DiagnosticCi } from '../../../shared/metrics/diagnostic-schema';
import type { ParamDocument } from '../../../shared/param-file/param-file-schema';
import { describeScoreInput } from '../../../shared/score-input/score-input';
import type { DatasetExtras, GroupTable } from './dataset-extras';
import { escapeHtml } from './escape-html';
import { histogramChart, reliabilityChart, rocChart, SERIES_COLORS } from './svg-charts';

export interface ReportEntry {
  label: string;
  document: ParamDocument;
  model: ModelSummary | null;
  extras: DatasetExtras;
}

export interface ReportOptions {
  title: string;
  generatedAt: Date;
  appVersion: string;
}

/**
 * Nothing may load from anywhere: no scripts at all, styles only inline, images only data: URLs.
 * A report is often mailed around or archived; it must open the same way in ten years, offline.
 */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px auto; max-width: 1040px; color: #1d232b; padding: 0 16px; }
h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 18px; margin-top: 36px; border-bottom: 2px solid #d7dde4; padding-bottom: 4px; }
h3 { font-size: 15px; margin-top: 22px; } .muted { color: #5b6670; font-size: 13px; }
table { border-collapse: collapse; font-size: 13px; margin: 8px 0 16px; }
th, td { border-bottom: 1px solid #e3e7eb; padding: 4px 10px 4px 0; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
code, .mono { font-family: ui-monospace, "SF Mono", Consolas, monospace; font-size: 12px; word-break: break-all; }
.charts { display: flex; flex-wrap: wrap; gap: 12px; } .charts svg { border: 1px solid #e3e7eb; max-width: 100%; height: auto; }
.light { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 4px; }
.green { background: #2a9d5c; } .yellow { background: #e6b619; } .red { background: #d1495b; }
.note { background: #f4f6f8; border-left: 3px solid #9aa5b1; padding: 6px 10px; font-size: 13px; }
details pre { max-height: 320px; overflow: auto; background: #f4f6f8; padding: 8px; font-size: 11px; }
@media print { .charts svg { break-inside: avoid; } }
`;

/** The whole report as one HTML string: provenance, metrics with intervals, charts, tables. */
export function renderHtmlReport(
  entries: ReportEntry[],
  options: ReportOptions,
): { html: string; charts: string[] } {
  const charts: string[] = [];
  const body: string[] = [];
  body.push(
    `<header><h1>${escapeHtml(options.title)}</h1><p class="muted">Generated ${escapeHtml(
      options.generatedAt.toISOString(),
    )} by Scorecal ${escapeHtml(options.appVersion)}. Self-contained: this file loads nothing from any network.</p></header>`,
  );
  if (entries.length > 1) {
    body.push(`<section id="comparison"><h2>Comparison</h2>${comparisonTable(entries)}<div class="charts">`);
    const chart = reliabilityChart(
      'Reliability: all models',
      entries.map((e, i) => ({
        label: e.label,
        bins: e.document.validationMetrics.calibrated.diagnostic.reliability,
        band: i === 0,
      })),
    );
    charts.push('reliability');
    body.push(`${chart}</div></section>`);
  }
  entries.forEach((entry, index) => {
    body.push(modelSection(entry, index, charts));
  });
  const html =
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(options.title)}</title><style>${STYLE}</style></head>` +
    `<body>${body.join('\n')}</body></html>\n`;
  return { html, charts };
}

function comparisonTable(entries: ReportEntry[]): string {
  const header = [
    'Model',
    'Method',
    'Dataset',
    'Validation',
    'Test rows',
    'Brier',
    'Log loss',
    'ECE',
    'AUC',
    'Slope',
    'O/E',
  ];
  const rows = entries.map((e, i) => {
    const m = e.document.validationMetrics.calibrated;
    const d = m.diagnostic;
    return `<tr><td><span class="light" style="background:${SERIES_COLORS[i % SERIES_COLORS.length]}"></span>${escapeHtml(e.label)}</td><td>${escapeHtml(
      e.document.method,
    )}</td><td>${escapeHtml(e.document.provenance.dataset.name)}</td><td>${escapeHtml(validationText(e.document))}</td>${[
      num(d.n, 0),
      withCi(d.brier, m.ci, 'brier'),
      withCi(d.logLoss, m.ci, 'logLoss'),
      withCi(d.ece, m.ci, 'ece'),
      withCi(d.auc, m.ci, 'auc'),
      withCi(d.slope, m.ci, 'slope'),
      withCi(d.oeRatio, m.ci, 'oeRatio'),
    ]
      .map((cell) => `<td class="num">${cell}</td>`)
      .join('')}</tr>`;
  });
  return `<table><thead><tr>${header.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function modelSection(entry: ReportEntry, index: number, charts: string[]): string {
  const doc = entry.document;
  const metrics = doc.validationMetrics;
  const out: string[] = [
    `<section id="model-${index + 1}"><h2>${escapeHtml(entry.label)} — ${escapeHtml(doc.method)}</h2>`,
  ];
  out.push('<h3>Provenance</h3>', provenanceTable(entry));
  out.push('<h3>Validation metrics</h3>');
  out.push(
    `<p class="muted">Measured on ${doc.provenance.rows.test.toLocaleString('en-US')} test rows (${escapeHtml(validationText(doc))}).${
      metrics.bootstrap
        ? ` Intervals: ${Math.round(metrics.bootstrap.level * 100)} % percentile bootstrap, ${metrics.bootstrap.resamples} resamples, seed ${metrics.bootstrap.seed}.`
        : ' No bootstrap intervals were computed for this run.'
    }</p>`,
  );
  const names = seriesNames(doc);
  out.push(metricsTable(metrics.calibrated, metrics.uncalibrated, names));
  out.push('<h3>Charts</h3><div class="charts">');
  const series = [{ label: names.calibrated, bins: metrics.calibrated.diagnostic.reliability, band: true }];
  if (metrics.uncalibrated)
    series.push({
      label: names.uncalibrated,
      bins: metrics.uncalibrated.diagnostic.reliability,
      band: false,
    });
  out.push(reliabilityChart('Reliability diagram (95 % CI band)', series));
  charts.push('reliability');
  out.push(
    histogramChart('Test rows per bin of calibrated probability', metrics.calibrated.diagnostic.reliability),
  );
  charts.push('histogram');
  if (entry.extras.available && entry.extras.roc.calibrated.falsePositiveRate.length > 0) {
    out.push(
      rocChart('ROC curve', [
        { label: 'calibrated', ...entry.extras.roc.calibrated },
        { label: 'uncalibrated', ...entry.extras.roc.uncalibrated },
      ]),
    );
    charts.push('roc');
  }
  out.push('</div>');
  out.push('<h3>Reliability bins</h3>', binsTable(metrics.calibrated.diagnostic));
  // A script's rows are scored only in the sandbox: its section explains that instead (scriptBlock).
  if (!doc.script) out.push(extrasSection(entry.extras));
  out.push('<h3>Fitted parameters</h3>', parametersBlock(doc));
  if (doc.script) out.push(scriptBlock(doc.script));
  out.push('</section>');
  return out.join('\n');
}

function provenanceTable(entry: ReportEntry): string {
  const doc = entry.document;
  const p = doc.provenance;
  const rows: Array<[string, string]> = [
    ['Dataset', escapeHtml(p.dataset.name)],
    ['Source file', escapeHtml(p.dataset.sourceName)],
    ['Source SHA-256', `<span class="mono">${p.dataset.sourceSha256}</span>`],
    [
      'Dataset rows / events',
      `${p.dataset.rows.toLocaleString('en-US')} / ${p.dataset.positives.toLocaleString('en-US')}`,
    ],
    [
      'Time range',
      p.dataset.timeMin
        ? `${escapeHtml(p.dataset.timeMin)} – ${escapeHtml(p.dataset.timeMax ?? '')}`
        : 'no time column',
    ],
    ['Filter', p.filter ? `<code>${escapeHtml(JSON.stringify(p.filter))}</code>` : 'none (every row)'],
    [
      'Columns',
      `score ${p.columns.score === null ? 'none' : `<code>${escapeHtml(p.columns.score)}</code>`}, outcome <code>${escapeHtml(p.columns.outcome)}</code>${
        p.columns.weight ? `, weight <code>${escapeHtml(p.columns.weight)}</code>` : ''
      }`,
    ],
    ['Score rule', `<code>${escapeHtml(describeScoreInput(doc.scoreInput))}</code>`],
    ['Validation', escapeHtml(validationText(doc))],
    [
      'Rows',
      `${p.rows.afterFilter.toLocaleString('en-US')} after filter, ${p.rows.missing.toLocaleString('en-US')} missing, ${p.rows.used.toLocaleString(
        'en-US',
      )} used: ${p.rows.train.toLocaleString('en-US')} train, ${p.rows.test.toLocaleString('en-US')} test`,
    ],
    ['Method options', `<code>${escapeHtml(JSON.stringify(doc.options))}</code>`],
    [
      'Created',
      `${escapeHtml(doc.createdAt)} with ${escapeHtml(doc.app.name)} ${escapeHtml(doc.app.version)}`,
    ],
    ['Content hash (SHA-256)', `<span class="mono">${doc.contentHash.value}</span>`],
  ];
  if (entry.model) rows.unshift(['Saved model', `${escapeHtml(entry.model.name)} (id ${entry.model.id})`]);
  return `<table class="provenance"><tbody>${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</tbody></table>`;
}

const METRIC_ROWS: Array<[string, string, (d: Diagnostic) => number | null]> = [
  ['Rows (events)', 'n', (d) => d.n],
  ['Base rate', 'baseRate', (d) => d.baseRate],
  ['Mean predicted', 'meanPredicted', (d) => d.meanPredicted],
  ['Observed / expected', 'oeRatio', (d) => d.oeRatio],
  ['Brier score', 'brier', (d) => d.brier],
  ['Log loss', 'logLoss', (d) => d.logLoss],
  ['ECE', 'ece', (d) => d.ece],
  ['MCE', 'mce', (d) => d.mce],
  ['Calibration intercept', 'intercept', (d) => d.intercept],
  ['Calibration slope', 'slope', (d) => d.slope],
  ['AUC', 'auc', (d) => d.auc],
  ['Gini', 'gini', (d) => d.gini],
  ['KS', 'ks', (d) => d.ks],
  ['Spiegelhalter p', 'spiegelhalter.p', (d) => d.spiegelhalter.p],
  ['Hosmer-Lemeshow p', 'hosmerLemeshow.p', (d) => d.hosmerLemeshow.p],
  ['Emax (rms)', 'rms.Emax', (d) => d.rms.Emax],
];

/**
 * What the two measured series are called: a calibrator's output beside the raw score, or a script's
 * probability beside the production score it was compared with.
 */
function seriesNames(doc: ParamDocument): { calibrated: string; uncalibrated: string } {
  if (doc.script) {
    return {
      calibrated: `script ${doc.script.name} v${doc.script.version}`,
      uncalibrated: `production score${doc.provenance.columns.score ? ` ${doc.provenance.columns.score}` : ''}`,
    };
  }
  return { calibrated: `${doc.method} (calibrated)`, uncalibrated: 'uncalibrated score' };
}

function metricsTable(
  calibrated: { diagnostic: Diagnostic; ci: DiagnosticCi | null },
  uncalibrated: { diagnostic: Diagnostic; ci: DiagnosticCi | null } | null,
  names: { calibrated: string; uncalibrated: string },
): string {
  const rows = METRIC_ROWS.map(([label, key, get]) => {
    const cells = [withCi(get(calibrated.diagnostic), calibrated.ci, key, key === 'n' ? 0 : 4)];
    if (key === 'n')
      cells[0] = `${num(calibrated.diagnostic.n, 0)} (${num(calibrated.diagnostic.positives, 0)})`;
    if (uncalibrated) {
      cells.push(
        key === 'n'
          ? `${num(uncalibrated.diagnostic.n, 0)} (${num(uncalibrated.diagnostic.positives, 0)})`
          : withCi(get(uncalibrated.diagnostic), uncalibrated.ci, key),
      );
    }
    return `<tr><th>${label}</th>${cells.map((c) => `<td class="num">${c}</td>`).join('')}</tr>`;
  });
  return `<table class="metrics"><thead><tr><th>Metric</th><th class="num">${escapeHtml(capitalized(names.calibrated))}</th>${
    uncalibrated ? `<th class="num">${escapeHtml(capitalized(names.uncalibrated))}</th>` : ''
  }</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A script model: which saved version, how the fit ended, and the exact source (folded away). */
function scriptBlock(script: NonNullable<ParamDocument['script']>): string {
  const fit = script.fit;
  const rows: Array<[string, string]> = [
    ['Script', `${escapeHtml(script.name)} v${script.version} (${escapeHtml(script.language)})`],
    ['Source SHA-256', `<span class="mono">${script.sourceSha256}</span>`],
    ['Objective', escapeHtml(script.objective)],
    [
      'Fit',
      `${escapeHtml(fit.method)}: ${escapeHtml(fit.status)}${fit.converged ? '' : ' (not converged)'}, ${fit.iterations} iterations, ${fit.evaluations} evaluations, objective ${num(fit.objectiveValue, 6)} — ${escapeHtml(fit.message)}`,
    ],
    ['Scenario', script.scenario === null ? 'none' : escapeHtml(script.scenario)],
  ];
  if (script.standardErrorNote) rows.push(['Standard errors', escapeHtml(script.standardErrorNote)]);
  const values = Object.entries(script.fittedValues).map(
    ([name, value]) =>
      `<tr><td><code>${escapeHtml(name)}</code></td><td class="num">${num(value, 6)}</td><td class="num">${num(
        script.standardErrors[name] ?? null,
        6,
      )}</td></tr>`,
  );
  return (
    `<h3>Script</h3><p class="note">Script models run only in the workbench's sandbox: the metrics above are the ones stored when the script was fitted.</p>` +
    `<table class="provenance"><tbody>${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</tbody></table>` +
    `<table><thead><tr><th>Parameter</th><th class="num">Fitted value</th><th class="num">Standard error</th></tr></thead><tbody>${values.join('')}</tbody></table>` +
    `<details><summary>Source</summary><pre class="mono">${escapeHtml(script.source)}</pre></details>`
  );
}

function binsTable(d: Diagnostic): string {
  const rows = d.reliability.map(
    (b) =>
      `<tr><td>[${b.lo.toFixed(3)}, ${b.hi.toFixed(3)}]</td><td class="num">${num(b.n, 0)}</td><td class="num">${num(
        b.meanPredicted,
      )}</td><td class="num">${num(b.observedRate)}</td><td class="num">${num(b.ciLow)} – ${num(b.ciHigh)}</td></tr>`,
  );
  return `<table><thead><tr><th>Bin</th><th class="num">Rows</th><th class="num">Mean predicted</th><th class="num">Observed</th><th class="num">95 % CI</th></tr></thead><tbody>${rows.join(
    '',
  )}</tbody></table>`;
}

function extrasSection(extras: DatasetExtras): string {
  if (!extras.available) {
    return `<h3>Per segment and over time</h3><p class="note">Unavailable: ${escapeHtml(extras.reason)}. Import the same file into this workspace to add these tables.</p>`;
  }
  const intro = `<p class="muted">Calibrated probability on ${extras.rows.toLocaleString('en-US')} rows of dataset “${escapeHtml(
    extras.dataset.name,
  )}”: ${escapeHtml(extras.rowsDescription)}. Lights: Jeffreys test of under-prediction (ECB 2019), green below 95 % confidence, yellow below 99.9 %, red above.</p>`;
  if (extras.tables.length === 0) {
    return `<h3>Per segment and over time</h3>${intro}<p class="note">The dataset has no segment or time columns.</p>`;
  }
  return `<h3>Per segment and over time</h3>${intro}${extras.tables.map(groupTable).join('')}`;
}

function groupTable(table: GroupTable): string {
  const rows = table.groups.map(
    (g) =>
      `<tr><td>${escapeHtml(g.label)}</td><td class="num">${num(g.n, 0)}</td><td class="num">${num(g.positives, 0)}</td><td class="num">${num(
        g.observedRate,
      )}</td><td class="num">${num(g.meanPredicted)}</td><td class="num">${num(g.oeRatio, 3)}</td><td class="num">${num(g.brier)}</td><td class="num">${num(
        g.ece,
      )}</td><td>${g.light ? `<span class="light ${g.light}"></span>${g.light}` : '—'}</td></tr>`,
  );
  return `<h4>${escapeHtml(table.title)}</h4><table class="groups"><thead><tr><th>Group</th><th class="num">Rows</th><th class="num">Events</th><th class="num">Observed</th><th class="num">Predicted</th><th class="num">O/E</th><th class="num">Brier</th><th class="num">ECE</th><th>Light</th></tr></thead><tbody>${rows.join(
    '',
  )}</tbody></table>`;
}

function parametersBlock(doc: ParamDocument): string {
  // Long arrays (isotonic thresholds, Venn-ABERS scores) would swamp the page: the file has them all.
  const shortened = Object.fromEntries(
    Object.entries(doc.params).map(([key, value]) =>
      Array.isArray(value) && value.length > 24
        ? [key, [...value.slice(0, 12), `… ${value.length - 12} more values (in the parameter file)`]]
        : [key, value],
    ),
  );
  return `<pre class="mono">${escapeHtml(JSON.stringify(shortened, null, 1))}</pre>`;
}

function validationText(doc: ParamDocument): string {
  const v = doc.provenance.validation;
  switch (v.scheme) {
    case 'none':
      return 'none: fitted and measured on every row';
    case 'holdout':
      return `stratified holdout, ${Math.round(v.testFraction * 100)} % test, seed ${v.seed}`;
    case 'kfold':
      return `${v.folds}-fold cross-validation (out-of-fold predictions), seed ${v.seed}`;
    case 'time':
      return `out of time: trained before ${v.splitAt}, tested from it`;
    case 'walk-forward':
      return `walk-forward by ${v.period} (${v.window.kind === 'rolling' ? `rolling ${v.window.periods}` : 'expanding'} window, first ${v.initialPeriods} periods), pooled recalibrated test rows`;
  }
}

function num(v: number | null | undefined, digits = 4): string {
  if (v === null || v === undefined) return '—';
  return digits === 0 ? Math.round(v).toLocaleString('en-US') : v.toFixed(digits);
}

function withCi(value: number | null, ci: DiagnosticCi | null, key: string, digits = 4): string {
  const interval = ci?.[key];
  return interval
    ? `${num(value, digits)} <span class="muted">[${num(interval[0], digits)}, ${num(interval[1], digits)}]</span>`
    : num(value, digits);
}
