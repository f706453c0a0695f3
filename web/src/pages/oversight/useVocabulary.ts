import { useEffect, useState } from "react";
import { applicabilityApi } from "../../api/endpoints.ts";
import { exchangeApi, type SectorOption } from "../../api/exchange.ts";
import { useSignedIn } from "../../session/SessionProvider.tsx";

/** The library's sectors and AI Guidelines roles, by value: the words for values of the profile questions. */
export interface Vocabulary {
  sectors: SectorOption[];
  roles: SectorOption[];
}

const EMPTY: Vocabulary = { sectors: [], roles: [] };

/** The library's vocabulary does not change while the page is open: loaded once. */
let loaded: Promise<Vocabulary> | undefined;

async function loadVocabulary(exchangeSectors: boolean): Promise<Vocabulary> {
  const questions = await applicabilityApi.questions();
  const options = (id: string) =>
    (questions.questions.find((q) => q.id === id)?.options ?? []).map((o) => ({ value: o.value, label: { ja: o.label.ja ?? o.label.en ?? o.value, en: o.label.en ?? o.label.ja ?? o.value } }));
  // The exchange's own list when this person may read it (the sectors an organisation can declare);
  // an authority's analysts may not, and read the same profile question's options instead.
  const sectors = exchangeSectors ? await exchangeApi.sectors() : options("sector");
  return { sectors, roles: options("jpRoles") };
}

/**
 * The sectors (from `GET /api/exchange/sectors`, or the profile question they come from) and the
 * AI Guidelines roles, to show a submission's values in people's words. Empty until loaded or
 * when they cannot be read: callers then show the value's own words from the API, if any.
 */
export function useVocabulary(): Vocabulary {
  const { can } = useSignedIn();
  const exchange = can("exchange.read");
  const [vocabulary, setVocabulary] = useState<Vocabulary>(EMPTY);
  useEffect(() => {
    let live = true;
    loaded ??= loadVocabulary(exchange).catch((err: unknown) => {
      loaded = undefined;
      throw err;
    });
    loaded.then((v) => live && setVocabulary(v)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [exchange]);
  return vocabulary;
}
