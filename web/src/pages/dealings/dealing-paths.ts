const enc = encodeURIComponent;

export const DEALINGS_PATH = "/dealings";

/** An entry of the register of dealings: what an authority sent, and what the organisation does about it. */
export const dealingPath = (id: string) => `${DEALINGS_PATH}/${enc(id)}`;
