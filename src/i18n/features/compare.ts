/** Messages of the compare view, under the `compare` namespace. */
export default {
  zh: {},
  en: {},
};
