/** Messages of the quality view, under the `quality` namespace. */
export default {
  zh: {},
  en: {},
};
