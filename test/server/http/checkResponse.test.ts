import { expect } from 'chai';
import { z } from 'zod';
import { responseMismatch } from '../../../server/http/checkResponse.js';
import { endpoint, type ResponseSpec } from '../../../server/http/endpoint.js';

const documented = (response: ResponseSpec) =>
  endpoint({
    method: 'get',
    path: '/things',
    summary: 'Things',
    operationId: 'listThings',
    tag: 'system',
    policy: 'public',
    response,
    handler: () => Promise.resolve(undefined),
  });

describe('responseMismatch', () => {
  const thing = documented(
    z.object({ data: z.array(z.object({ id: z.string(), at: z.string().nullable() })) }),
  );

  it('accepts a response that matches, dates sent as strings', () => {
    expect(responseMismatch(thing, { data: [{ id: 'a', at: new Date(0) }] })).to.equal(undefined);
  });

  it('names a field of the wrong type', () => {
    expect(responseMismatch(thing, { data: [{ id: 3, at: null }] })).to.contain('data.0.id');
  });

  it('names a field the schema does not document, however deep', () => {
    expect(responseMismatch(thing, { data: [{ id: 'a', at: null, secret: 'x' }] })).to.equal(
      'undocumented fields: data[0].secret',
    );
  });

  it('holds an empty (204) endpoint to returning nothing', () => {
    expect(responseMismatch(documented('empty'), undefined)).to.equal(undefined);
    expect(responseMismatch(documented('empty'), { data: 1 })).to.contain('204');
  });

  it('checks the JSON of an endpoint that may also answer a file, and leaves the file alone', () => {
    const either = documented({
      json: z.object({ data: z.object({ id: z.string() }) }),
      raw: ['text/html'],
      description: 'JSON, or the page',
    });
    expect(responseMismatch(either, { data: { id: 'a' } })).to.equal(undefined);
    expect(responseMismatch(either, { data: { id: 'a', secret: 1 } })).to.equal(
      'undocumented fields: data.secret',
    );
    expect(responseMismatch(either, { data: {} })).to.contain('data.id');
  });

  it('leaves raw bodies to their handler', () => {
    expect(
      responseMismatch(documented({ raw: ['text/csv'], description: 'CSV' }), undefined),
    ).to.equal(undefined);
  });
});
