/** Messages of the applicants view, under the `applicants` namespace. */
export default {
  zh: {},
  en: {},
};
