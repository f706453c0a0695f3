import { useEffect, useState } from "react";
import { vendorsApi, type VendorLink } from "../../../api/vendors.ts";

/** Pages of 200 read at most: a register past 1,000 vendors is beyond what a select serves. */
const MAX_PAGES = 5;

/** The read under way, shared by the form's picker and its lookups so that one form reads the register once. */
let inflight: Promise<VendorLink[]> | undefined;

async function readRegister(): Promise<VendorLink[]> {
  const vendors: VendorLink[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const { items, total } = await vendorsApi.list({ limit: 200, offset: page * 200, sort: "name" });
    vendors.push(...items.map(({ id, code, name, status, rating }) => ({ id, code, name, status, rating })));
    if (vendors.length >= total || items.length === 0) break;
  }
  return vendors;
}

/**
 * The organisation's vendor register to link a system to, as links (id, code, name, standing);
 * `loaded` turns true once read, so an empty register can be told from one still loading. A
 * register that cannot be read stays empty; the vendors already linked are still shown by the form.
 */
export function useVendorOptions(): { vendors: VendorLink[]; loaded: boolean } {
  const [state, setState] = useState<{ vendors: VendorLink[]; loaded: boolean }>({ vendors: [], loaded: false });
  useEffect(() => {
    let live = true;
    const read = (inflight ??= readRegister().finally(() => (inflight = undefined)));
    read.then((vendors) => live && setState({ vendors, loaded: true })).catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return state;
}
