// The JSON API's shapes, as zod schemas: what the routes send is parsed by them in tests, and
// the OpenAPI document is generated from them (the dossier is the contract's own schema).
import { z } from 'zod';
import { Dossier } from '../model.ts';

export const StorySummary = z.object({
  id: z.number().int().positive(),
  headline: z.string(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  articles: z.number().int().nonnegative(),
  outlets: z.array(z.string()),
});

export const StoryList = z.object({
  stories: z.array(StorySummary),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
});

const Stance = z.enum(['agree', 'disagree', 'discuss', 'unrelated']);

export const CheckResult = z.object({
  claim: z.string(),
  counts: z.record(Stance, z.number().int()),
  articles: z.array(
    z.object({
      articleId: z.string(),
      source: z.string(),
      outlet: z.string().nullable(),
      title: z.string().nullable(),
      stance: Stance,
      probabilities: z.record(Stance, z.number()),
      evidence: z.array(z.object({ start: z.number().int(), end: z.number().int(), text: z.string(), attribution: z.string().nullable() })),
      decidedBy: z.object({ kind: z.string(), explanation: z.string() }).passthrough().optional(),
    }),
  ),
});

export const AddRequest = z.object({ urls: z.array(z.string().url()).min(1).max(500) });

export const JobEvent = z.union([
  z.object({ kind: z.literal('progress'), done: z.number().int(), total: z.number().int() }),
  z.object({ kind: z.literal('failed'), input: z.string(), reason: z.string() }),
  z.object({ kind: z.literal('done'), added: z.number().int(), duplicates: z.number().int(), known: z.number().int(), failed: z.number().int(), stories: z.array(z.number().int()) }),
  z.object({ kind: z.literal('error'), reason: z.string() }),
]);

export const Job = z.object({ id: z.string(), inputs: z.array(z.string()), state: z.enum(['queued', 'running', 'done']), events: z.array(JobEvent) });

const Rate = z.object({ last5Minutes: z.number().int(), lastHour: z.number().int(), total: z.number().int() });
export const Status = z.object({
  store: z.object({ articles: z.number().int(), stories: z.number().int() }),
  /** Null: the server was started without --redis. */
  queue: z
    .object({
      counts: z.object({ waiting: z.number().int(), active: z.number().int(), delayed: z.number().int(), failed: z.number().int(), completed: z.number().int() }),
      workers: z.array(z.string()),
      done: Rate,
      failures: Rate,
      polled: z.array(z.object({ url: z.string(), everyMs: z.number().int().nullable(), next: z.string().nullable() })),
    })
    .nullable(),
  queueError: z.string().optional(),
});

export const ErrorBody = z.object({ error: z.string() });

const schema = (s: z.ZodType): Record<string, unknown> => {
  const json = z.toJSONSchema(s, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
};

const ref = (name: string): Record<string, unknown> => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string, description: string): Record<string, unknown> => ({ description, content: { 'application/json': { schema: ref(name) } } });
const errors = { '400': json('Error', 'A parameter is wrong'), '401': json('Error', 'No token (a server reachable beyond this machine)'), '404': json('Error', 'No such story') };
const query = (name: string, description: string, type: Record<string, unknown> = { type: 'string' }): Record<string, unknown> => ({ name, in: 'query', required: false, description, schema: type });

/** The OpenAPI 3.1 document of the JSON API. */
export function openApiDocument(version: string): Record<string, unknown> {
  const storyId = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
  return {
    openapi: '3.1.0',
    info: { title: 'Triangulate', version, description: 'Stories in the store and their dossiers: what several independent sources establish, what one outlet alone says, where outlets contradict each other, the quotes, who copied whom and the framing.' },
    components: {
      schemas: { StoryList: schema(StoryList), Dossier: schema(Dossier), CheckResult: schema(CheckResult), AddRequest: schema(AddRequest), Job: schema(Job), Status: schema(Status), Error: schema(ErrorBody) },
      securitySchemes: { token: { type: 'http', scheme: 'bearer', description: 'Needed only when the server listens beyond loopback' } },
    },
    security: [{}, { token: [] }],
    paths: {
      '/api/stories': {
        get: {
          summary: 'Stories, newest first (or largest), a page at a time',
          parameters: [
            query('q', 'Words every story found holds (titles, outlets, the start of the text)'),
            query('since', 'Seen on or after this date (YYYY-MM-DD)'),
            query('until', 'First seen on or before this date'),
            query('outlet', 'Reported by this outlet (repeat for several)'),
            query('min', 'At least this many outlets', { type: 'integer', minimum: 1 }),
            query('contested', 'Only stories with contested facts (1)', { type: 'string', enum: ['1'] }),
            query('sort', 'Order', { type: 'string', enum: ['recent', 'size'] }),
            query('page', 'Page, from 1', { type: 'integer', minimum: 1 }),
          ],
          responses: { '200': json('StoryList', 'A page of stories'), ...errors },
        },
      },
      '/api/stories/{id}': { get: { summary: "The story's dossier (the dossier contract)", parameters: [storyId], responses: { '200': json('Dossier', 'The dossier'), ...errors } } },
      '/api/stories/{id}/check': {
        get: { summary: 'Each article of the story on a claim: stance and deciding sentences', parameters: [storyId, { ...query('claim', 'The claim, a sentence'), required: true }], responses: { '200': json('CheckResult', 'The verdicts'), ...errors } },
      },
      '/api/add': {
        post: {
          summary: 'Queue URLs (pages or feeds) to fetch into the store',
          requestBody: { required: true, content: { 'application/json': { schema: ref('AddRequest') } } },
          responses: { '202': json('Job', 'The job, queued'), ...errors },
        },
      },
      '/api/status': { get: { summary: "The store's counts and the work queue's (with --redis): jobs by state, workers, rates, URLs polled", responses: { '200': json('Status', 'The status') } } },
      '/api/jobs/{id}': { get: { summary: 'A job of adding articles and its events', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': json('Job', 'The job'), ...errors } } },
    },
  };
}
