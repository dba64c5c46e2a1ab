/** Messages of the trends view, under the `trends` namespace. */
export default {
  zh: {},
  en: {},
};
