import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/api-error';
import { createApiClient } from '../../../shared/api/client';
import { apiContract, callNames, isCallName } from '../../../shared/api/contract';
import type { ApiTransport } from '../../../shared/api/transport';

const validSummary = {
  id: 1,
  name: 'Liquidations sample',
  rows: 100_000,
  positives: 5000,
  baseRate: 0.05,
  timeMin: 1_704_067_200_000,
  timeMax: 1_767_139_200_000,
  sourceName: 'liquidations-100k.csv.gz',
  sourceSha256: 'a'.repeat(64),
  sourceBytes: 1234,
  importedAt: 1_767_139_200_000,
};

describe('the API contract', () => {
  it('names every call and knows which are long', () => {
    expect(callNames).toEqual(
      expect.arrayContaining([
        'app.info',
        'datasets.list',
        'datasets.loadSample',
        'datasets.import',
        'analysis.evaluate',
        'calibration.run',
      ]),
    );
    for (const name of callNames) expect(name).toMatch(/^[a-z]+\.[a-zA-Z0-9]+$/);
    expect(apiContract['datasets.loadSample'].long).toBe(true);
    expect(apiContract['datasets.list'].long).toBe(false);
    expect(isCallName('datasets.list')).toBe(true);
    expect(isCallName('toString')).toBe(false);
    expect(isCallName('__proto__')).toBe(false);
  });

  it('refuses unknown fields and wrong types with the field named', () => {
    const input = apiContract['datasets.loadSample'].input;
    expect(input.safeParse({ name: 'x' }).success).toBe(true);
    const wrongType = input.safeParse({ name: 42 });
    expect(wrongType.success).toBe(false);
    expect(wrongType.error?.issues[0]?.path).toEqual(['name']);
    expect(input.safeParse({ name: 'x', extra: 1 }).success).toBe(false);
    expect(input.safeParse({ name: '   ' }).success).toBe(false);
  });

  it('accepts a well-formed dataset summary and refuses a bad hash or a rate above one', () => {
    const output = apiContract['datasets.loadSample'].output;
    expect(output.parse(validSummary)).toEqual(validSummary);
    expect(output.safeParse({ ...validSummary, sourceSha256: 'xyz' }).success).toBe(false);
    expect(output.safeParse({ ...validSummary, baseRate: 1.5 }).success).toBe(false);
  });
});

describe('the typed client', () => {
  const recording = (answer: unknown) => {
    const sent: Array<{ name: string; input: unknown }> = [];
    const transport: ApiTransport = {
      call: async (name, input) => {
        sent.push({ name, input });
        return answer;
      },
    };
    return { sent, client: createApiClient(transport) };
  };

  it('sends validated input and returns the parsed answer', async () => {
    const { sent, client } = recording({ datasets: [validSummary] });
    const result = await client.call('datasets.list', {});
    expect(sent).toEqual([{ name: 'datasets.list', input: {} }]);
    expect(result.datasets[0]?.rows).toBe(100_000);
  });

  it('refuses bad input before it reaches the transport', async () => {
    const { sent, client } = recording(validSummary);
    // @ts-expect-error the point is to send what the types forbid
    await expect(client.call('datasets.loadSample', { name: 7 })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('name'),
    });
    expect(sent).toEqual([]);
  });

  it('refuses an answer that breaks the contract', async () => {
    const { client } = recording({ datasets: [{ ...validSummary, rows: -1 }] });
    await expect(client.call('datasets.list', {})).rejects.toBeInstanceOf(ApiError);
  });
});

describe('ApiError', () => {
  it('survives a round trip through its payload', () => {
    const error = new ApiError('workspace', 'Locked', 'SQLITE_BUSY');
    const back = ApiError.fromPayload(JSON.parse(JSON.stringify(error.toPayload())));
    expect(back).toMatchObject({ code: 'workspace', message: 'Locked', detail: 'SQLITE_BUSY' });
  });

  it('turns an unreadable payload into an internal error instead of throwing', () => {
    expect(ApiError.fromPayload({ code: 'nope' }).code).toBe('internal');
  });
});
