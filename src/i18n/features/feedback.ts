/**
 * Messages about the state of a question or a load, under the `feedback` namespace: a card whose
 * query failed, a dataset load in progress or cancelled, a filter value the dataset lacks.
 */
export default {
  zh: {
    queryFailed: '此项数据未能算出，其他图表不受影响。',
    engineFailed: '分析引擎已停止，正在重新启动；稍后重试。',
    retry: '重试',
    loadTitle: '正在载入 {file}',
    stageRead: '读取文件',
    stageParse: '解析',
    stageCheck: '核对数值',
    stageWrite: '写入数据',
    stageBytes: '已读取 {done} / {total}',
    stageRows: '约 {rows} 行',
    cancel: '取消',
    cancelled: '已取消载入 {file}；当前数据未变。',
    notInDataset: '本数据集无此项',
    agency: '机关',
    clearFilter: '清除',
    clearFilterLabel: '清除筛选：{value}',
    absentNotice: '以下筛选值本数据集没有，图表按它们筛选：',
  },
  en: {
    queryFailed: 'These figures could not be computed; the other charts are not affected.',
    engineFailed: 'The analysis engine stopped and is starting again; retry in a moment.',
    retry: 'Retry',
    loadTitle: 'Loading {file}',
    stageRead: 'Reading the file',
    stageParse: 'Parsing',
    stageCheck: 'Checking values',
    stageWrite: 'Writing the data',
    stageBytes: '{done} of {total} read',
    stageRows: 'about {rows} rows',
    cancel: 'Cancel',
    cancelled: 'Loading {file} was cancelled; the data shown did not change.',
    notInDataset: 'not in this dataset',
    agency: 'Agency',
    clearFilter: 'Clear',
    clearFilterLabel: 'Clear filter: {value}',
    absentNotice: 'These filter values are not in this dataset, and the figures are filtered by them:',
  },
};
