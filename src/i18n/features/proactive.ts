/** Messages of the proactive view, under the `proactive` namespace. */
export default {
  zh: {},
  en: {},
};
