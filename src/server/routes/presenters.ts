/** JSON shapes of entities and scored results, as yente returns them. */
import type { ScreenHit } from '../../service/index.js';
import type { ServerDeps } from '../deps.js';
import type { EntityResponseT, ScoredEntityResponseT } from '../schemas.js';

export async function entityResponse(deps: ServerDeps, id: string): Promise<EntityResponseT | null> {
  return (await deps.views.view(id)) as EntityResponseT | null;
}

export async function scoredResponse(deps: ServerDeps, hit: ScreenHit): Promise<ScoredEntityResponseT | null> {
  const view = await entityResponse(deps, hit.id);
  if (!view) return null;
  const features: Record<string, number> = {};
  const explanations: Record<string, { score: number; detail: string | null }> = {};
  for (const [k, v] of Object.entries(hit.explanations)) {
    features[k] = v.score;
    explanations[k] = { score: v.score, detail: v.detail };
  }
  return { ...view, score: hit.score, features, explanations, match: hit.match };
}
