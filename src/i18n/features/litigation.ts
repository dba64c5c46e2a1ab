/** Messages of the litigation view, under the `litigation` namespace. */
export default {
  zh: {},
  en: {},
};
