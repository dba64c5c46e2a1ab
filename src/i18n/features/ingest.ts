/** Messages of the ingest view, under the `ingest` namespace. */
export default {
  zh: {},
  en: {},
};
