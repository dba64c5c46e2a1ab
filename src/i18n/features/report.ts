/** Messages of the report view, under the `report` namespace. */
export default {
  zh: {},
  en: {},
};
