// The portal's shared shell: the engine, the settings (locale, pack, "now"), the page
// header, a text-only DOM builder, local saving, and the offline outbox. Every page imports
// this module and nothing else from the portal; field labels, item titles, weights and gate
// titles come from `engine.describe(...)`, never from this file (only the portal's own
// words — buttons, headings — live in UI below).
import init, { Engine } from '/pkg/fangkong.js';

export const LOCALES = ['zh-CN', 'zh-TW', 'en'];

/** The portal's own words (not the pack's): navigation, buttons, headings. */
export const UI = {
  'zh-CN': {
    flFillFirst: '未提交：还有{n}项待填写，已在表单中标出。',
    flUndo: '撤销（恢复载入、打开文件或清空前的内容）',
    flExampleFailed: '无法载入示例 {name}（{msg}），表单未改动。', flFileFailed: '无法读取文件 {name}（{msg}），表单未改动。', flNotFiling: '不是一份备案：应为 JSON 对象', flNotJson: '不是有效的 JSON', flExampleOffline: '离线时无法载入示例 {name}：它未保存在本机。联网后再试，表单未改动。',
    'ins.notFinal': '检查尚未完成：本通知书不是正式结论，全部项目填写完成前不能打印。', 'ins.rectPending': '检查尚未完成，整改事项待全部填写后确定。',
    'ins.failedSoFar': '已判为不合格或部分落实的项目：', 'ins.printWhenDone': '全部项目填写完成后才能打印整改通知书。', 'ins.printWhenFixed': '有答案不符合要求（见该项下的提示），更正后才能打印整改通知书。', 'ins.notFinalFix': '检查尚未完成：有答案不符合要求，本通知书不是正式结论，更正前不能打印。',
    dbNotReported: '未报送', dbUnreadable: '无法读取的行', dbUnreadableCount: '另有 {n} 行无法读取，未计入结论和图表', dbUnreadableLine: '第 {line} 行',
    dbUnreadableWord: '无法读取', dbNotJson: '不是有效的 JSON（本行第 {column} 列）', dbNotObject: '不是一份备案（应为 JSON 对象）',
    obWaiting: '待发送 {n} 份', obRefusedCount: '区里拒收 {n} 份', obSendNow: '立即发送', obPackHash: '{pack}（{hash}）', obOtherRules: '本机检查所用的规则与区里不同，区里受理的规则包是：{accepts}。请在页首选择该规则包，或刷新页面，重新检查后再提交',
    obRefused: '区里拒收：{reason}', obRemove: '移除', obSentLater: '离线保存的 {n} 份已发送：', obSep: '；', obWhen: '{when} 提交',
    dbIntro: '区、街道、社区、网格的五个100%指标和企业复工备案，一页看清。数据只在本机浏览器里检查，不上传。',
    dbLoadReport: '载入日报文件（JSON）', dbExample: '载入示例：光明区日报', dbRollup: '汇总', dbChildren: '下级单位',
    dbBreadcrumb: '单位层级', dbUnit: '单位', dbLevel: '层级', dbStatus: '状态',
    dbReportedPart: '已报部分', dbShortfall: '缺口', dbPercent: '完成率',
    dbShortfalls: '缺口与提示', dbChecklistPassed: '{passed}/{total}项合格', dbChecklistOpen: '{n}项未答', dbNoShortfall: '本级及下级没有缺口', dbMissingUnits: '缺报单位', dbNoMissing: '所有单位均已报送',
    dbDrill: '点击单位名称或柱形查看下级；用上方的层级导航返回。', dbChartUnit: '{name}五个100%完成率（%）',
    dbChartChildren: '{name}各下级单位完成率（%）', dbNoReport: '尚未载入日报',
    dbFilings: '复工备案批量检查', dbLoadFilings: '载入备案文件（JSONL，每行一份备案）', dbProgress: '检查进度',
    dbChecked: '已检查 {done} / {total} 份', dbDone: '已检查 {total} 份，用时 {s} 秒', dbTotals: '结论汇总', dbCount: '份数',
    dbGroup: '分组', dbByStreet: '按街道', dbByCommunity: '按社区', dbAllStreets: '全部街道', dbTotal: '合计',
    dbChartDecisions: '各{group}复工备案结论（份）', dbChartGates: '各{group}未通过的“六个坚决不放手”（份）',
    dbExportJsonl: '导出结论（JSONL）', dbExportCsv: '导出结论（CSV）', dbUnknown: '（未填）', dbLine: '行号',
    dbGatesFailed: '未通过的关卡', dbMessages: '提示', dbNotReport: '这个文件不是日报（{title}），未载入：{reasons}', dbReasonSep: '；', dbSortBy: '按“{col}”排序', dbError: '无法读取文件：{msg}', dbNotUtf8: '文件不是 UTF-8 编码（如用 Excel 另存为“CSV UTF-8”或在记事本中另存为 UTF-8），未作检查', dbReportNotJson: '不是有效的 JSON',
    dbApproved: '准予复工', dbConditional: '整改后复工', dbDeferred: '暂缓复工', dbIncomplete: '待补充', dbNoFilings: '尚未载入备案',
    skip: '跳到正文', portal: '复工复产疫情防控平台', filing: '复工备案', inspection: '复工检查', dashboard: '区级看板', workbench: '规则包工作台',
    // The screening page (个人排查 / 自主申报): only the portal's own words; questions, options, outcomes and rules come from describe('screening').
    screening: '个人排查', 'scr.intro': '网格员逐项询问，或居民自主申报近14天的行程、接触和症状。边填写边判定，内容只保存在本机浏览器。', 'scr.general': '申报内容', 'scr.result': '排查结果',
    'scr.rule': '判定规则', 'scr.noRule': '无（未触发排查规则）', 'scr.ruleOpen': '待定', 'scr.until': '解除日期', 'scr.untilNote': '（观察期满后的第一天）', 'scr.untilUndated': '未定：缺少起算日期，填写后给出', 'scr.untilWrongDate': '未定：起算日期有误，更正后给出',
    'scr.untilNA': '不适用', 'scr.toCorrect': '待更正：申报内容有误', 'scr.untilOpen': '待定', 'scr.decision': '结论', 'scr.incompleteNote': '尚有问题未回答，回答后给出排查结果。', 'scr.pending': '还有 {n} 项待回答', 'scr.noPending': '已全部回答',
    'scr.diagnostics': '提示', 'scr.noDiagnostics': '无', 'scr.checkAll': '检查是否填写完整', 'scr.example': '示例', 'scr.undo': '撤销（恢复载入或清空前的内容）', 'scr.exampleFailed': '无法载入示例 {name}（{msg}），表单未改动。', 'scr.actions': '操作', 'scr.requiredWhen': '视以下问题的回答可能需要填写：{fields}',
    packUnknownTitle: '没有这个规则包', packUnknown: '本平台没有规则包“{id}”，未作检查。请选择一个：{packs}。', packUnknownOption: '{id}（无此规则包）', listSep: '、',
    // The portal's examples (/offline.json), by file name: the page's words, not the pack's (tablet QA F11).
    'ex.workshop': '小型电子企业', 'ex.supermarket': '生活超市', 'ex.factory-1000': '千人制造企业',
    'ex.normal': '无异常', 'ex.fever-37-3': '体温37.3℃', 'ex.close-contact': '确诊病例密切接触者', 'ex.returned-from-area': '从重点疫区返回', 'ex.gatherings-only': '仅参加过聚集活动',
    // Between a label and its value (规则包：shenzhen-2020): full width in Chinese (tablet QA F11).
    colon: '：',
    language: '语言', pack: '规则包', now: '检查时间', loading: '正在加载规则引擎…', ready: '规则引擎已就绪',
    saved: '已自动保存', restored: '已恢复上次填写的内容', offline: '离线', online: '在线',
    submit: '提交', submitted: '已提交', flSentOn: '已于 {when} 提交', notSent: '未发送（离线保存，联网后自动发送）', notSentOnline: '未发送（已保存在本机，网络恢复后自动发送）', notKept: '未发送：本机存储已满，无法保存，请联网后再提交', sending: '正在发送…',
    clear: '清空', print: '打印', download: '下载', load: '载入', decision: '结论', gates: '六个坚决不放手',
    passed: '通过', failed: '未通过', undetermined: '待定', pending: '待填写', errors: '问题', home: '首页',
    flGeneral: '基本信息', flUnanswered: '未填写', flRow: '第 {n} 行', flRows: '共 {n} 行', flRowsOne: '共 {n} 行', flPage: '第 {p} / {pages} 页', flPrev: '上一页', flNext: '下一页',
    flRequiredWhen: '视以下各项的填写情况，可能需要填写：{fields}', flAddRow: '添加一行', flRemove: '删除', flRemoveRow: '删除第 {n} 行', flPasteHint: '可从电子表格复制多行多列，粘贴到任一单元格，自动填入后续各行各列。',
    flPending: '还有 {n} 项待填写', flNoPending: '必填项已全部填写', flDecidedBy: '由这些字段决定：', flCauses: '原因：', flReasons: '原因', flOther: '其他提示', flMore: '另有 {n} 条',
    flEarliest: '重点疫区员工最早上岗日期', flNone: '无', flEarliestWait: '待定：填写{field}后给出', flEarliestCount: '待定：填写{field}后给出', flEarliestRoster: '待定：在花名册中填写重点疫区返回的员工及抵达日期后给出', flExample: '示例', flOpenFile: '打开 JSON 文件', flOutbox: '待发送 {n} 份', flAccepted: '区里已受理',
    flNotAccepted: '区里未受理（结论：{decision}）', flWorker: '花名册较大，检查在后台线程进行', flActions: '操作', flSide: '检查结果',
    flSummary: '结论与六个坚决不放手（摘要）', flSummaryGates: '六个坚决不放手：无此情形{p}项 · 存在{f}项 · 待定{u}项', gatePassed: '无此情形', gateFailed: '存在此情形（不放手）', gateUndetermined: '待定', flSummaryMore: '详情', flIncomplete: '待补充', flDeferred: '暂缓复工', flConditional: '整改后复工', flApproved: '准予复工',
    'ins.info': '检查信息', 'ins.checklist': '六必须检查', 'ins.weight': '分值',
    'ins.veto': '一票否决', 'ins.choose': '请选择', 'ins.requiredNote': '标 * 的为必填项', 'ins.required': '（必填）', 'ins.pending': '尚有 {n} 项待填写',
    'ins.noRectifications': '无限期整改事项（检查合格）', 'ins.toCorrect': '待更正', 'ins.submit': '提交检查结果', 'ins.submitWhenFixed': '未提交：有答案不符合要求（见该项下的提示），更正后才能提交。', 'ins.overdue': '逾期未整改（责令停工）',
    'ins.deferredNote': '整改完成并经复查合格前，企业不得复工或继续生产。', 'ins.notice': '整改通知书',
    'ins.noticeIntro': '经检查，你单位存在下列问题，请在期限内整改：', 'ins.no': '序号', 'ins.item': '检查项目',
    'ins.sign.inspector': '检查员（签名）', 'ins.sign.enterprise': '企业负责人（签名）', 'ins.sign.date': '日期',
    'ins.preview': '预览整改通知书', 'ins.printNotice': '打印整改通知书', 'ins.showAll': '显示全部问题', 'ins.messages': '其他提示',
    'ins.summary': '检查结果', 'ins.printWhenNamed': '填写{firm}和{inspector}后可打印整改通知书', 'ins.addPrevious': '添加以往检查（复查）', 'ins.addRect': '添加整改事项', 'ins.removeRect': '删除此项', 'ins.removePrevious': '删除此次以往检查', 'ins.confirmClear': '清空本次检查的全部内容？',
    wbIntro: '在这里编辑规则包，或用 extends 继承另一个包、只写不同之处的变体。边输入边检查：每个错误标出 JSON 指针和所在行，点击即可跳到该处；再用示例申报对比本包与对照规则包的结论。',
    wbText: '规则包（JSON）', wbTextHint: '输入暂停约 0.15 秒后自动检查；草稿自动保存在本机。', wbStarter: '新建变体', wbFile: '从文件载入',
    wbCheck: '检查结果', wbLoaded: '规则包已载入：{id} {version}', wbHash: '哈希 {hash}', wbErrorCount: '规则包有 {n} 个错误，未载入',
    wbKindSep: '：',
    // The kinds of pack errors (their `code`), in the page's language before the engine's detail.
    'pack.syntax': "格式错误：不是合法的JSON，或不符合规则包的结构", 'pack.unknown_reference': "引用了不存在的字段、参数、规则或函数", 'pack.type_mismatch': "值或表达式的类型不对", 'pack.duplicate_id': "规则编号重复", 'pack.bad_parameter': "参数值超出其类型允许的范围", 'pack.missing_message': "代码在必需的语言里缺少提示文字", 'pack.bad_rule': "规则缺少必需的部分，或含有该类规则不能用的部分", 'pack.unbounded': "计算量不受申报大小限制，或超出规则包的上限",
    wbLine: '第 {line} 行', wbNear: '（该处不存在，指向最近的上级）', wbLabels: '缺少的标签', wbLabelsNote: '与命令行 lint-pack 的标签检查相同：每个字段和规则在三种语言里都要有标签。',
    wbNoMissing: '三种语言的标签齐全', wbMissing: '{locale} 缺少 {key} 的标签', wbUnknownLabel: '{locale} 的标签 {key} 不对应任何字段、规则或类别（拼写有误？），不起作用', wbUnknownMessage: '{locale} 的消息 {key} 不是任何规则会报告的代码（拼写有误？），不起作用', wbLabelsUnknown: '无法取得父规则包 {id}，未检查标签',
    wbExamplesTable: '示例申报对比表', wbExamples: '示例申报对比', wbExample: '示例', wbThisPack: '本规则包', wbBaseline: '对照规则包', wbChange: '变化',
    wbChanged: '结论有变化', wbSame: '相同', wbChangedCount: '{n} / {total} 个示例的结论与对照规则包不同', wbNoDiagnostics: '无提示',
    wbNotLoaded: '规则包未载入', wbAdded: '新增：', wbRemoved: '消失：', wbDownload: '下载规则包', wbTime: '载入并运行示例用时 {ms} 毫秒',
    // The engine that could not load, a draft changed in another tab, the district's reasons (portal audit, thirty-fifth session).
    loadFailed: '无法加载规则引擎，本页暂时不能检查。请检查网络连接后重试。', loadFailedWhy: '原因：{msg}', loadRetry: '重试', loadDraftKept: '上次填写的内容仍保存在本机，没有丢失：规则引擎加载后即恢复。',
    draftOther: '本页的草稿已在另一个标签页（或窗口）中修改。为免互相覆盖，本页已暂停自动保存。请选择保留哪一份：', draftLoadOther: '载入另一个标签页的内容', draftKeepMine: '保留本页的内容（并保存）', draftNotSaved: '未自动保存：草稿已在另一个标签页中修改，请在页首选择保留哪一份',
    sendReasons: '区里复核的原因：',
  },
  'zh-TW': {
    flFillFirst: '未提交：尚有{n}項待填寫，已在表單中標出。',
    flUndo: '復原（恢復載入、開啟檔案或清除前的內容）',
    flExampleFailed: '無法載入範例 {name}（{msg}），表單未變動。', flFileFailed: '無法讀取檔案 {name}（{msg}），表單未變動。', flNotFiling: '不是一份備案：應為 JSON 物件', flNotJson: '不是有效的 JSON', flExampleOffline: '離線時無法載入範例 {name}：它未儲存在本機。連線後再試，表單未變動。',
    'ins.notFinal': '檢查尚未完成：本通知書不是正式結論，全部項目填寫完成前不能列印。', 'ins.rectPending': '檢查尚未完成，改善事項待全部填寫後確定。',
    'ins.failedSoFar': '已判為不合格或部分落實的項目：', 'ins.printWhenDone': '全部項目填寫完成後才能列印改善通知書。', 'ins.printWhenFixed': '有答案不符合要求（見該項下的提示），更正後才能列印改善通知書。', 'ins.notFinalFix': '檢查尚未完成：有答案不符合要求，本通知書不是正式結論，更正前不能列印。',
    dbNotReported: '未報送', dbUnreadable: '無法讀取的列', dbUnreadableCount: '另有 {n} 列無法讀取，未計入結論和圖表', dbUnreadableLine: '第 {line} 列',
    dbUnreadableWord: '無法讀取', dbNotJson: '不是有效的 JSON（本列第 {column} 欄）', dbNotObject: '不是一份備案（應為 JSON 物件）',
    obWaiting: '待傳送 {n} 份', obRefusedCount: '區裡拒收 {n} 份', obSendNow: '立即傳送', obPackHash: '{pack}（{hash}）', obOtherRules: '本機檢查所用的規則與區裡不同，區裡受理的規則包是：{accepts}。請在頁首選擇該規則包，或重新整理頁面，重新檢查後再送出',
    obRefused: '區裡拒收：{reason}', obRemove: '移除', obSentLater: '離線儲存的 {n} 份已傳送：', obSep: '；', obWhen: '{when} 送出',
    dbIntro: '區、街道、社區、網格的五個100%指標和企業復工備案，一頁看清。資料只在本機瀏覽器裡檢查，不上傳。',
    dbLoadReport: '載入日報檔案（JSON）', dbExample: '載入範例：光明區日報', dbRollup: '彙總', dbChildren: '下級單位',
    dbBreadcrumb: '單位層級', dbUnit: '單位', dbLevel: '層級', dbStatus: '狀態',
    dbReportedPart: '已報部分', dbShortfall: '缺口', dbPercent: '完成率',
    dbShortfalls: '缺口與提示', dbChecklistPassed: '{passed}/{total}項合格', dbChecklistOpen: '{n}項未答', dbNoShortfall: '本級及下級沒有缺口', dbMissingUnits: '缺報單位', dbNoMissing: '所有單位均已報送',
    dbDrill: '點選單位名稱或柱形檢視下級；用上方的層級導覽返回。', dbChartUnit: '{name}五個100%完成率（%）',
    dbChartChildren: '{name}各下級單位完成率（%）', dbNoReport: '尚未載入日報',
    dbFilings: '復工備案批次檢查', dbLoadFilings: '載入備案檔案（JSONL，每行一份備案）', dbProgress: '檢查進度',
    dbChecked: '已檢查 {done} / {total} 份', dbDone: '已檢查 {total} 份，用時 {s} 秒', dbTotals: '結論彙總', dbCount: '份數',
    dbGroup: '分組', dbByStreet: '按街道', dbByCommunity: '按社區', dbAllStreets: '全部街道', dbTotal: '合計',
    dbChartDecisions: '各{group}復工備案結論（份）', dbChartGates: '各{group}未通過的「六個堅決不放手」（份）',
    dbExportJsonl: '匯出結論（JSONL）', dbExportCsv: '匯出結論（CSV）', dbUnknown: '（未填）', dbLine: '行號',
    dbGatesFailed: '未通過的關卡', dbMessages: '提示', dbNotReport: '這個檔案不是日報（{title}），未載入：{reasons}', dbReasonSep: '；', dbSortBy: '按「{col}」排序', dbError: '無法讀取檔案：{msg}', dbNotUtf8: '檔案不是 UTF-8 編碼（如以 Excel 另存為「CSV UTF-8」或在記事本中另存為 UTF-8），未作檢查', dbReportNotJson: '不是有效的 JSON',
    dbApproved: '准予復工', dbConditional: '改善後復工', dbDeferred: '暫緩復工', dbIncomplete: '待補正', dbNoFilings: '尚未載入備案',
    skip: '跳到正文', portal: '復工復產防疫平臺', filing: '復工備案', inspection: '復工檢查', dashboard: '區級看板', workbench: '規則包工作臺',
    screening: '個人排查', 'scr.intro': '網格員逐項詢問，或居民自主申報近14天的行程、接觸和症狀。邊填寫邊判定，內容只儲存在本機瀏覽器。', 'scr.general': '申報內容', 'scr.result': '排查結果',
    'scr.rule': '判定規則', 'scr.noRule': '無（未觸發排查規則）', 'scr.ruleOpen': '待定', 'scr.until': '解除日期', 'scr.untilNote': '（觀察期滿後的第一天）', 'scr.untilUndated': '未定：缺少起算日期，填寫後給出', 'scr.untilWrongDate': '未定：起算日期有誤，更正後給出',
    'scr.untilNA': '不適用', 'scr.toCorrect': '待更正：申報內容有誤', 'scr.untilOpen': '待定', 'scr.decision': '結論', 'scr.incompleteNote': '尚有問題未回答，回答後給出排查結果。', 'scr.pending': '還有 {n} 項待回答', 'scr.noPending': '已全部回答',
    'scr.diagnostics': '提示', 'scr.noDiagnostics': '無', 'scr.checkAll': '檢查是否填寫完整', 'scr.example': '範例', 'scr.undo': '復原（恢復載入或清除前的內容）', 'scr.exampleFailed': '無法載入範例 {name}（{msg}），表單未變動。', 'scr.actions': '操作', 'scr.requiredWhen': '視以下問題的回答可能需要填寫：{fields}',
    packUnknownTitle: '沒有這個規則包', packUnknown: '本平臺沒有規則包「{id}」，未作檢查。請選擇一個：{packs}。', packUnknownOption: '{id}（無此規則包）', listSep: '、',
    'ex.workshop': '小型電子企業', 'ex.supermarket': '生活超市', 'ex.factory-1000': '千人製造企業',
    'ex.normal': '無異常', 'ex.fever-37-3': '體溫37.3°C', 'ex.close-contact': '確診病例密切接觸者', 'ex.returned-from-area': '從重點疫區返回', 'ex.gatherings-only': '僅參加過聚集活動',
    colon: '：',
    language: '語言', pack: '規則包', now: '檢查時間', loading: '正在載入規則引擎…', ready: '規則引擎已就緒',
    saved: '已自動儲存', restored: '已還原上次填寫的內容', offline: '離線', online: '連線',
    submit: '送出', submitted: '已送出', flSentOn: '已於 {when} 送出', notSent: '未傳送（離線儲存，連線後自動傳送）', notSentOnline: '未傳送（已儲存在本機，網路恢復後自動傳送）', notKept: '未傳送：本機儲存空間已滿，無法儲存，請連線後再送出', sending: '傳送中…',
    clear: '清除', print: '列印', download: '下載', load: '載入', decision: '結論', gates: '六個堅決不放手',
    passed: '通過', failed: '未通過', undetermined: '待定', pending: '待填寫', errors: '問題', home: '首頁',
    flGeneral: '基本資訊', flUnanswered: '未填寫', flRow: '第 {n} 列', flRows: '共 {n} 列', flRowsOne: '共 {n} 列', flPage: '第 {p} / {pages} 頁', flPrev: '上一頁', flNext: '下一頁',
    flRequiredWhen: '視以下各項的填寫情況，可能需要填寫：{fields}', flAddRow: '新增一列', flRemove: '刪除', flRemoveRow: '刪除第 {n} 列', flPasteHint: '可從試算表複製多列多欄，貼到任一儲存格，自動填入後續各列各欄。',
    flPending: '還有 {n} 項待填寫', flNoPending: '必填項已全部填寫', flDecidedBy: '由這些欄位決定：', flCauses: '原因：', flReasons: '原因', flOther: '其他提示', flMore: '另有 {n} 條',
    flEarliest: '重點疫區員工最早上班日期', flNone: '無', flEarliestWait: '待定：填寫{field}後給出', flEarliestCount: '待定：填寫{field}後給出', flEarliestRoster: '待定：在員工名冊中填寫重點疫區返回的員工及抵達日期後給出', flExample: '範例', flOpenFile: '開啟 JSON 檔案', flOutbox: '待傳送 {n} 份', flAccepted: '區裡已受理',
    flNotAccepted: '區裡未受理（結論：{decision}）', flWorker: '員工名冊較大，檢查在背景執行緒進行', flActions: '操作', flSide: '檢查結果',
    flSummary: '結論與六個堅決不放手（摘要）', flSummaryGates: '六個堅決不放手：無此情形{p}項 · 存在{f}項 · 待定{u}項', gatePassed: '無此情形', gateFailed: '存在此情形（不放手）', gateUndetermined: '待定', flSummaryMore: '詳情', flIncomplete: '待補正', flDeferred: '暫緩復工', flConditional: '改善後復工', flApproved: '准予復工',
    'ins.info': '檢查資訊', 'ins.checklist': '六必須檢查', 'ins.weight': '分值',
    'ins.veto': '一票否決', 'ins.choose': '請選擇', 'ins.requiredNote': '標 * 的為必填項', 'ins.required': '（必填）', 'ins.pending': '尚有 {n} 項待填寫',
    'ins.noRectifications': '無限期改善事項（檢查合格）', 'ins.toCorrect': '待更正', 'ins.submit': '送出檢查結果', 'ins.submitWhenFixed': '未送出：有答案不符合要求（見該項下的提示），更正後才能送出。', 'ins.overdue': '逾期未改善（責令停工）',
    'ins.deferredNote': '改善完成並經複查合格前，企業不得復工或繼續生產。', 'ins.notice': '改善通知書',
    'ins.noticeIntro': '經檢查，貴單位存在下列問題，請於期限內改善：', 'ins.no': '序號', 'ins.item': '檢查項目',
    'ins.sign.inspector': '檢查人員（簽名）', 'ins.sign.enterprise': '企業負責人（簽名）', 'ins.sign.date': '日期',
    'ins.preview': '預覽改善通知書', 'ins.printNotice': '列印改善通知書', 'ins.showAll': '顯示全部問題', 'ins.messages': '其他提示',
    'ins.summary': '檢查結果', 'ins.printWhenNamed': '填寫{firm}和{inspector}後可列印改善通知書', 'ins.addPrevious': '新增以往檢查（複查）', 'ins.addRect': '新增改善事項', 'ins.removeRect': '刪除此項', 'ins.removePrevious': '刪除此次以往檢查', 'ins.confirmClear': '清除本次檢查的全部內容？',
    wbIntro: '在這裡編輯規則包，或用 extends 繼承另一個包、只寫不同之處的變體。邊輸入邊檢查：每個錯誤標出 JSON 指標和所在行，點選即可跳到該處；再用範例申報對比本包與對照規則包的結論。',
    wbText: '規則包（JSON）', wbTextHint: '輸入暫停約 0.15 秒後自動檢查；草稿自動儲存在本機。', wbStarter: '新建變體', wbFile: '從檔案載入',
    wbCheck: '檢查結果', wbLoaded: '規則包已載入：{id} {version}', wbHash: '雜湊 {hash}', wbErrorCount: '規則包有 {n} 個錯誤，未載入',
    wbKindSep: '：',
    // The kinds of pack errors (their `code`), in the page's language before the engine's detail.
    'pack.syntax': "格式錯誤：不是合法的JSON，或不符合規則包的結構", 'pack.unknown_reference': "引用了不存在的欄位、參數、規則或函式", 'pack.type_mismatch': "值或運算式的型別不對", 'pack.duplicate_id': "規則編號重複", 'pack.bad_parameter': "參數值超出其型別允許的範圍", 'pack.missing_message': "代碼在必需的語言裡缺少提示文字", 'pack.bad_rule': "規則缺少必需的部分，或含有該類規則不能用的部分", 'pack.unbounded': "計算量不受申報大小限制，或超出規則包的上限",
    wbLine: '第 {line} 行', wbNear: '（該處不存在，指向最近的上層）', wbLabels: '缺少的標籤', wbLabelsNote: '與命令列 lint-pack 的標籤檢查相同：每個欄位和規則在三種語言裡都要有標籤。',
    wbNoMissing: '三種語言的標籤齊全', wbMissing: '{locale} 缺少 {key} 的標籤', wbUnknownLabel: '{locale} 的標籤 {key} 不對應任何欄位、規則或類別（拼寫有誤？），不起作用', wbUnknownMessage: '{locale} 的訊息 {key} 不是任何規則會報告的代碼（拼寫有誤？），不起作用', wbLabelsUnknown: '無法取得父規則包 {id}，未檢查標籤',
    wbExamplesTable: '範例申報對比表', wbExamples: '範例申報對比', wbExample: '範例', wbThisPack: '本規則包', wbBaseline: '對照規則包', wbChange: '變化',
    wbChanged: '結論有變化', wbSame: '相同', wbChangedCount: '{n} / {total} 個範例的結論與對照規則包不同', wbNoDiagnostics: '無提示',
    wbNotLoaded: '規則包未載入', wbAdded: '新增：', wbRemoved: '消失：', wbDownload: '下載規則包', wbTime: '載入並執行範例用時 {ms} 毫秒',
    loadFailed: '無法載入規則引擎，本頁暫時不能檢查。請檢查網路連線後重試。', loadFailedWhy: '原因：{msg}', loadRetry: '重試', loadDraftKept: '上次填寫的內容仍儲存在本機，沒有遺失：規則引擎載入後即還原。',
    draftOther: '本頁的草稿已在另一個分頁（或視窗）中修改。為免互相覆蓋，本頁已暫停自動儲存。請選擇保留哪一份：', draftLoadOther: '載入另一個分頁的內容', draftKeepMine: '保留本頁的內容（並儲存）', draftNotSaved: '未自動儲存：草稿已在另一個分頁中修改，請在頁首選擇保留哪一份',
    sendReasons: '區裡複核的原因：',
  },
  en: {
    flFillFirst: 'Not submitted: {n} value(s) still to fill in, marked in the form.',
    flUndo: 'Undo (bring back what the form held)',
    flExampleFailed: 'Could not load the example {name} ({msg}); the form is unchanged.', flFileFailed: 'Could not read the file {name} ({msg}); the form is unchanged.', flNotFiling: 'not a filing: a JSON object is expected', flNotJson: 'not valid JSON', flExampleOffline: 'The example {name} is not kept on this device, so it cannot load offline. Try again online; the form is unchanged.',
    'ins.notFinal': 'The inspection is not complete: this notice is not final, and it cannot be printed until every item is answered.', 'ins.rectPending': 'The inspection is not complete: the rectifications are set once every item is answered.',
    'ins.failedSoFar': 'Items answered fail or partial so far:', 'ins.printWhenDone': 'The notice can be printed once every item is answered.', 'ins.printWhenFixed': 'An answer is not accepted (see the message under its item): the notice can be printed once it is corrected.', 'ins.notFinalFix': 'The inspection is not complete: an answer is not accepted, this notice is not final, and it cannot be printed until it is corrected.',
    dbNotReported: 'no report sent', dbUnreadable: 'Unreadable lines', dbUnreadableCount: '{n} more line(s) could not be read; they are not in the decisions or charts', dbUnreadableLine: 'line {line}',
    dbUnreadableWord: 'unreadable', dbNotJson: 'not valid JSON (column {column} of the line)', dbNotObject: 'not a filing (a JSON object is expected)',
    obWaiting: '{n} waiting to be sent', obRefusedCount: '{n} refused by the district', obSendNow: 'Send now', obPackHash: '{pack} ({hash})', obOtherRules: 'this device checked with other rules than the district; the district takes the rule pack(s): {accepts}. Choose that pack at the top of the page, or reload the page, then check again and resubmit',
    obRefused: 'Refused by the district: {reason}', obRemove: 'Remove', obSentLater: '{n} kept offline now sent: ', obSep: '; ', obWhen: 'submitted {when}',
    dbIntro: 'The five 100% indicators of the district, its streets, communities and grids, and the enterprises\' return-to-work filings, on one page. Everything is checked in this browser; nothing is uploaded.',
    dbLoadReport: 'Load a daily report (JSON)', dbExample: 'Load the example: Guangming district', dbRollup: 'Rolled up', dbChildren: 'Units below',
    dbBreadcrumb: 'Unit levels', dbUnit: 'Unit', dbLevel: 'Level', dbStatus: 'Status',
    dbReportedPart: 'reported part', dbShortfall: 'Shortfall', dbPercent: 'Done',
    dbShortfalls: 'Shortfalls and notes', dbChecklistPassed: '{passed} of {total} passed', dbChecklistOpen: '{n} not answered', dbNoShortfall: 'No shortfall here or below', dbMissingUnits: 'Units without a report', dbNoMissing: 'Every unit reported',
    dbDrill: 'Click a unit name or a bar to see the units below it; go back up with the trail above.', dbChartUnit: '{name}: the five 100% indicators (%)',
    dbChartChildren: '{name}: units below (%)', dbNoReport: 'No daily report loaded yet',
    dbFilings: 'Return-to-work filings in bulk', dbLoadFilings: 'Load filings (JSONL, one filing a line)', dbProgress: 'Progress',
    dbChecked: 'Checked {done} of {total}', dbDone: 'Checked {total} filings in {s} s', dbTotals: 'Decisions', dbCount: 'Filings',
    dbGroup: 'Group by', dbByStreet: 'street', dbByCommunity: 'community', dbAllStreets: 'All streets', dbTotal: 'Total',
    dbChartDecisions: 'Decisions by {group} (filings)', dbChartGates: 'Six conditions failed, by {group} (filings)',
    dbExportJsonl: 'Export the answers (JSONL)', dbExportCsv: 'Export the answers (CSV)', dbUnknown: '(not given)', dbLine: 'Line',
    dbGatesFailed: 'Conditions failed', dbMessages: 'Messages', dbNotReport: 'This file is not a daily report ({title}); nothing was loaded: {reasons}', dbReasonSep: '; ', dbSortBy: 'Sort by "{col}"', dbError: 'Could not read the file: {msg}', dbNotUtf8: 'the file is not UTF-8 (save it as “CSV UTF-8” in Excel, or as UTF-8 in a text editor); nothing was checked', dbReportNotJson: 'not valid JSON',
    dbApproved: 'approved', dbConditional: 'conditional', dbDeferred: 'deferred', dbIncomplete: 'incomplete', dbNoFilings: 'No filings loaded yet',
    skip: 'Skip to content', portal: 'Return-to-work epidemic prevention portal', filing: 'Return-to-work filing', inspection: 'Inspection',
    screening: 'Screening', 'scr.intro': 'A grid worker asks, or residents declare for themselves, their travel, contacts and symptoms of the last 14 days. Judged as you answer; kept only in this browser.', 'scr.general': 'Declaration', 'scr.result': 'Screening result',
    'scr.rule': 'Decided by', 'scr.noRule': 'none (no screening rule applies)', 'scr.ruleOpen': 'not yet known', 'scr.until': 'Free from', 'scr.untilNote': '(the first day after the observation)', 'scr.untilUndated': 'not known: a start date is missing; given once it is filled in', 'scr.untilWrongDate': 'not known: a start date is wrong; given once it is corrected',
    'scr.untilNA': 'not applicable', 'scr.toCorrect': 'To correct: the declaration has an error', 'scr.untilOpen': 'not yet known', 'scr.decision': 'Decision', 'scr.incompleteNote': 'Some questions are not answered yet; the result follows once they are.', 'scr.pending': '{n} still to answer', 'scr.noPending': 'All answered',
    'scr.diagnostics': 'Notes', 'scr.noDiagnostics': 'none', 'scr.checkAll': 'Check that everything is answered', 'scr.example': 'Example', 'scr.undo': 'Undo (bring back what the form held)', 'scr.exampleFailed': 'Could not load the example {name} ({msg}); the form is unchanged.', 'scr.actions': 'Actions', 'scr.requiredWhen': 'May be needed, depending on the answer to: {fields}',
    packUnknownTitle: 'No such rule pack', packUnknown: 'This portal has no rule pack “{id}”, so nothing was checked. Choose one of: {packs}.', packUnknownOption: '{id} (no such pack)', listSep: ', ',
    'ex.workshop': 'Small electronics firm', 'ex.supermarket': 'Neighbourhood supermarket', 'ex.factory-1000': 'Factory of 1,000 staff',
    'ex.normal': 'Nothing unusual', 'ex.fever-37-3': 'Temperature 37.3 °C', 'ex.close-contact': 'Close contact', 'ex.returned-from-area': 'Back from a key area', 'ex.gatherings-only': 'Gatherings only',
    colon: ': ',
    dashboard: 'District dashboard', workbench: 'Pack workbench', language: 'Language', pack: 'Rule pack', now: 'Checked at',
    loading: 'Loading the rules engine…', ready: 'Rules engine ready', saved: 'Saved automatically',
    restored: 'Restored what you entered last time', offline: 'Offline', online: 'Online', submit: 'Submit',
    submitted: 'Submitted', flSentOn: 'submitted on {when}', notSent: 'Not sent (kept offline; sent when back online)', notSentOnline: 'Not sent (kept on this device; sent when the network answers)', notKept: 'Not sent: this device\'s storage is full, so it could not be kept; submit again when online', sending: 'Sending…',
    clear: 'Clear', print: 'Print', download: 'Download', load: 'Load', decision: 'Decision', gates: 'Six conditions',
    passed: 'passed', failed: 'failed', undetermined: 'undetermined', pending: 'to fill in', errors: 'problems', home: 'Home',
    flGeneral: 'General', flUnanswered: 'Not answered', flRow: 'row {n}', flRows: '{n} rows', flRowsOne: '{n} row', flPage: 'page {p} of {pages}', flPrev: 'Previous page', flNext: 'Next page',
    flRequiredWhen: 'May be needed, depending on: {fields}', flAddRow: 'Add a row', flRemove: 'Remove', flRemoveRow: 'Remove row {n}', flPasteHint: 'Paste rows and columns copied from a spreadsheet into any cell: they fill the rows and columns from there.',
    flPending: '{n} still to fill in', flNoPending: 'Every required field is filled in', flDecidedBy: 'Decided by:', flCauses: 'Because:', flReasons: 'Why', flOther: 'Other messages', flMore: '{n} more',
    flEarliest: 'Earliest start of key-area staff', flNone: 'none', flEarliestWait: 'to be known once “{field}” is given', flEarliestCount: 'to be known once “{field}” is given', flEarliestRoster: 'to be known once the key-area staff who returned are in the roster, with their arrival dates', flExample: 'Example', flOpenFile: 'Open a JSON file', flOutbox: '{n} waiting to be sent', flAccepted: 'accepted by the district',
    flNotAccepted: 'not accepted by the district (decision: {decision})', flWorker: 'Large roster: checked in a background thread', flActions: 'Actions', flSide: 'Check',
    flSummary: 'Decision and conditions (summary)', flSummaryGates: 'Six conditions: {p} not found · {f} found · {u} undetermined', gatePassed: 'not found', gateFailed: 'found: blocks resumption', gateUndetermined: 'undetermined', flSummaryMore: 'Details', flIncomplete: 'Incomplete', flDeferred: 'Deferred', flConditional: 'Resume after rectification', flApproved: 'Approved',
    'ins.info': 'Inspection details', 'ins.checklist': 'Checklist', 'ins.weight': 'Weight',
    'ins.veto': 'veto', 'ins.choose': 'Choose…', 'ins.requiredNote': 'Fields marked * are required', 'ins.required': ' (required)', 'ins.pending': '{n} still to fill in',
    'ins.noRectifications': 'No rectification with a deadline (passed)', 'ins.toCorrect': 'To correct', 'ins.submit': 'Submit the inspection', 'ins.submitWhenFixed': 'Not submitted: an answer is not accepted (see the message under its item); submit once it is corrected.', 'ins.overdue': 'Overdue rectifications (work must stop)',
    'ins.deferredNote': 'The enterprise may not (continue to) operate until the rectifications pass re-inspection.', 'ins.notice': 'Rectification notice',
    'ins.noticeIntro': 'The inspection found the following problems; rectify each by its deadline:', 'ins.no': 'No.', 'ins.item': 'Item',
    'ins.sign.inspector': 'Inspector (signature)', 'ins.sign.enterprise': 'For the enterprise (signature)', 'ins.sign.date': 'Date',
    'ins.preview': 'Preview the notice', 'ins.printNotice': 'Print the notice', 'ins.showAll': 'Show all problems', 'ins.messages': 'Other messages',
    'ins.summary': 'Inspection result', 'ins.printWhenNamed': 'Give “{firm}” and “{inspector}” to print the notice', 'ins.addPrevious': 'Add an earlier inspection (re-inspection)', 'ins.addRect': 'Add a rectification', 'ins.removeRect': 'Remove', 'ins.removePrevious': 'Remove this earlier inspection', 'ins.confirmClear': 'Clear everything entered for this inspection?',
    wbIntro: 'Edit a rule pack here, or a variant that extends another pack and says only what differs. It is checked as you type: each error shows its JSON Pointer and line (click it to go there). The example submissions then run against this pack and the reference pack, side by side.',
    wbText: 'Rule pack (JSON)', wbTextHint: 'Checked about 0.15 s after you stop typing; the draft is saved on this device.', wbStarter: 'New variant', wbFile: 'Load a file',
    wbCheck: 'Check', wbLoaded: 'Pack loaded: {id} {version}', wbHash: 'hash {hash}', wbErrorCount: 'The pack has {n} error(s) and did not load',
    wbKindSep: ' — ',
    // The kinds of pack errors (their `code`), in the page's language before the engine's detail.
    'pack.syntax': "Syntax: not JSON, or not of a pack's shape", 'pack.unknown_reference': "Unknown reference: a field, parameter, rule or function that does not exist", 'pack.type_mismatch': "Type mismatch: a value or expression of the wrong type", 'pack.duplicate_id': "Duplicate rule id", 'pack.bad_parameter': "Bad parameter: a value its type does not allow", 'pack.missing_message': "Missing message: a code without words in a required locale", 'pack.bad_rule': "Bad rule: something its kind needs is missing, or something it cannot use is given", 'pack.unbounded': "Unbounded: a cost the submission's size does not bound, or a pack over its limits",
    wbLine: 'line {line}', wbNear: '(not in the text; pointing at the nearest parent)', wbLabels: 'Missing labels', wbLabelsNote: 'The same label check as the CLI lint-pack: every field and rule needs a label in all three languages.',
    wbNoMissing: 'Labels complete in all three languages', wbMissing: '{locale}: no label for {key}', wbUnknownLabel: '{locale}: the label {key} is for no field, rule or kind (a typo?): it changes nothing', wbUnknownMessage: '{locale}: the message {key} is for a code no rule reports (a typo?): it changes nothing', wbLabelsUnknown: 'Parent pack {id} not available; labels not checked',
    wbExamplesTable: 'Table of the examples compared', wbExamples: 'Example submissions compared', wbExample: 'Example', wbThisPack: 'This pack', wbBaseline: 'Reference pack', wbChange: 'Change',
    wbChanged: 'answer changed', wbSame: 'same', wbChangedCount: '{n} of {total} examples answered differently from the reference pack', wbNoDiagnostics: 'no diagnostics',
    wbNotLoaded: 'pack not loaded', wbAdded: 'new: ', wbRemoved: 'gone: ', wbDownload: 'Download the pack', wbTime: 'loaded and ran the examples in {ms} ms',
    loadFailed: 'The rules engine could not be loaded, so this page cannot check anything for now. Check the network connection and try again.', loadFailedWhy: 'Reason: {msg}', loadRetry: 'Try again', loadDraftKept: 'What you entered last time is still kept on this device; nothing is lost. It comes back once the engine loads.',
    draftOther: 'This draft was changed in another tab (or window). So that neither overwrites the other, this page has stopped saving automatically. Choose which one to keep:', draftLoadOther: 'Load the other tab\'s version', draftKeepMine: 'Keep this page\'s version (and save it)', draftNotSaved: 'Not saved: the draft was changed in another tab; choose which one to keep at the top of the page',
    sendReasons: 'The district\'s reasons:',
  },
};

const params = new URLSearchParams(location.search);

/** The settings: `?locale=`, `?pack=`, `?now=` override what was chosen last time. */
export const settings = {
  locale: params.get('locale') || localStorage.getItem('fangkong.locale') || 'zh-CN',
  /** The pack family chosen (`?pack=`, else the last choice); null: the package's default, set by `engine()`. */
  pack: params.get('pack') || localStorage.getItem('fangkong.pack') || null,
  /** "Now" for every check: `?now=` (tests, demos of 2020), else the clock. */
  now: () => params.get('now') || new Date().toISOString(),
};
if (!LOCALES.includes(settings.locale)) settings.locale = 'zh-CN';

/**
 * The calendar day of `now` in China Standard Time (UTC+8), never the browser's zone nor UTC:
 * the day the engine counts in (domain.md §6.5), so the pack version each page names is the one
 * it judges with (fourth audit: the home page and the workbench took the UTC day).
 */
export function chinaDay(now = settings.now()) {
  const ms = new Date(now).getTime();
  return Number.isFinite(ms) ? new Date(ms + 8 * 3600e3).toISOString().slice(0, 10) : String(now).slice(0, 10);
}

/**
 * The time of day of `ms` (the device clock) in China Standard Time, `HH:MM:SS`: the times the
 * portal shows, as its days, are China's, whatever the device's zone (portal audit, thirty-fifth
 * session, F5: 已自动保存 gave the device's own zone). Not toLocaleTimeString: its first call
 * loads ICU data for ~25 ms.
 */
export const chinaTime = (ms = Date.now()) => new Date(ms + 8 * 3600e3).toISOString().slice(11, 19);
document.documentElement.lang = settings.locale;

/** A word of the portal's own in the current locale. */
export const t = (key) => UI[settings.locale][key] ?? UI['zh-CN'][key] ?? key;

/**
 * Builds an element. Text goes in as text, never as HTML; `props` are attributes
 * (`class`, `id`, `for`, `aria-*`, `data-*` …), `on:event` listeners, or `.prop` properties.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on:')) node.addEventListener(k.slice(3), v);
    else if (k.startsWith('.')) node[k.slice(1)] = v;
    else if (k === 'style') throw new Error('no inline styles: the CSP forbids them; use a class');
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

let loaded;
/**
 * Loads the wasm once; resolves to the pack families the package embeds (`Engine.packIds()`),
 * default first. When it cannot load, the page says so (`loadFailed`) and this never resolves.
 */
export function packs() {
  loaded ??= init().then(() => Engine.packIds()).catch(loadFailed);
  return loaded;
}

/** The page this is (`header(page)`), whose draft `loadFailed` says is kept. */
let pageName = null;
let failed = false;
/**
 * The page when the engine (the .wasm, or its packs) cannot be loaded — a 404, a proxy that
 * blocks .wasm, a compile error: it says so in its status, with a button to try again, and that
 * a saved draft is kept (portal audit, thirty-fifth session, F1: every page stayed on
 * 正在加载规则引擎… for good, with an uncaught rejection). Returns a promise that never
 * resolves: the page does not go on without its engine.
 */
export function loadFailed(err) {
  if (!failed) {
    failed = true;
    console.warn('fangkong: the rules engine could not be loaded:', err);
    const main = document.getElementById('main');
    let status = document.getElementById('status');
    if (!status) {
      status = el('p', { id: 'status' });
      main?.prepend(status);
    }
    status.setAttribute('role', 'alert');
    status.className = 'load-failed';
    status.textContent = t('loadFailed');
    let kept = false;
    try {
      kept = !!pageName && localStorage.getItem(`fangkong.draft.${pageName}`) !== null;
    } catch {
      // storage refused: nothing was kept to speak of
    }
    status.after(el('div', { id: 'load-failed', class: 'load-failed-more' },
      kept ? el('p', { id: 'draft-kept' }, t('loadDraftKept')) : null,
      el('p', { class: 'muted' }, tf('loadFailedWhy', { msg: String(err?.message ?? err).slice(0, 200) })),
      el('button', { type: 'button', id: 'retry', 'on:click': () => location.reload() }, t('loadRetry'))));
  }
  return new Promise(() => {});
}

let ready;
/**
 * Loads the wasm once and gives the engine of the chosen pack. A pack the package does not
 * embed (a mistyped or old `?pack=` link) is refused on the page, with the packs there are,
 * and the promise never resolves: the page does not judge by rules nobody chose (fourth audit:
 * `?pack=hangzhou-2020` was silently given Shenzhen's rules).
 */
export function engine() {
  ready ??= packs().then((ids) => {
    settings.pack ??= ids[0];
    if (!ids.includes(settings.pack)) {
      refusePack(ids);
      return new Promise(() => {});
    }
    return Engine.withPackId(settings.pack);
  }).catch(loadFailed);
  return ready;
}

/** The page, when its pack is not one the package embeds: says so, and links each one there is. */
function refusePack(ids) {
  const link = (id) => {
    const p = new URLSearchParams(location.search);
    p.set('pack', id);
    return `${location.pathname}?${p}`;
  };
  localStorage.removeItem('fangkong.pack');
  document.getElementById('main')?.replaceChildren(
    el('h1', {}, t('packUnknownTitle')),
    el('p', { id: 'pack-refused', role: 'alert' }, tf('packUnknown', { id: settings.pack, packs: ids.join(t('listSep')) })),
    el('ul', { id: 'pack-choices' }, ...ids.map((id) => el('li', {}, el('a', { href: link(id) }, id)))));
}

/** The page header: title, navigation, locale and pack switches, online state. */
export function header(page) {
  pageName = page;
  const nav = el('nav', { 'aria-label': t('portal') },
    ...['filing', 'inspection', 'screening', 'dashboard', 'workbench'].map((p) =>
      el('a', { href: `/${p}.html${location.search}`, 'aria-current': p === page ? 'page' : undefined }, t(p))));
  const choose = (id, label, values, current, key, names) => el('label', { for: id }, label,
    el('select', { id, 'on:change': (e) => { localStorage.setItem(key, e.target.value); reload(key.split('.')[1], e.target.value); } },
      ...values.map((v) => el('option', { value: v, selected: v === current }, names ? names[v] : v))));
  const status = el('span', { id: 'net', class: navigator.onLine ? 'online' : 'offline', role: 'status' }, navigator.onLine ? t('online') : t('offline'));
  const update = () => { status.className = navigator.onLine ? 'online' : 'offline'; status.textContent = navigator.onLine ? t('online') : t('offline'); };
  addEventListener('online', update);
  addEventListener('offline', update);
  const bar = el('header', { class: 'bar' },
    el('a', { href: `/${location.search}`, class: 'brand' }, t('portal')),
    nav,
    el('div', { class: 'switches' },
      choose('locale', t('language'), LOCALES, settings.locale, 'fangkong.locale', { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' }),
      packSwitch(),
      status,
      outboxStatus()));
  // The first Tab: past the site name, the five pages, the language and the pack, to the form
  // (portal audit, twenty-fifth session: eight Tabs on every page load).
  const main = document.getElementById('main');
  main?.setAttribute('tabindex', '-1');
  const skip = el('a', { href: '#main', class: 'skip', 'on:click': (ev) => { ev.preventDefault(); main?.focus(); } }, t('skip'));
  document.body.prepend(skip, bar);
  document.title = `${t(page)} · ${t('portal')}`;
  return bar;
}

/**
 * The pack switch: the families the package embeds (filled in once the wasm is loaded); a pack
 * it does not embed shows as such, never as another one.
 */
function packSwitch() {
  const select = el('select', { id: 'pack', 'on:change': (e) => { localStorage.setItem('fangkong.pack', e.target.value); reload('pack', e.target.value); } },
    settings.pack ? el('option', { value: settings.pack, selected: true }, settings.pack) : null);
  packs().then((ids) => {
    const current = settings.pack ?? ids[0];
    select.replaceChildren(
      ...(ids.includes(current) ? [] : [el('option', { value: '', selected: true, disabled: true }, tf('packUnknownOption', { id: current }))]),
      ...ids.map((id) => el('option', { value: id, selected: id === current }, id)));
  }, () => {});
  return el('label', { for: 'pack' }, t('pack'), select);
}

const switchHooks = [];
/**
 * `fn()` (it may be async) runs before the page reloads for a language or pack switch: the page
 * keeps what it holds across it (the dashboard's report and filings; the forms keep their drafts
 * as people type).
 */
export const beforeSwitch = (fn) => { switchHooks.push(fn); };

async function reload(key, value) {
  // Never held up for long: what cannot be kept in two seconds is let go, as before.
  await Promise.race([Promise.allSettled(switchHooks.map((fn) => fn())), new Promise((r) => { setTimeout(r, 2000); })]);
  const p = new URLSearchParams(location.search);
  p.set(key, value);
  location.search = p.toString();
}

/**
 * Local saving as people type: `save(value, scope?)` writes, `load()` restores the value (or
 * null), `scope()` the pointers reached with it (so a field left empty is asked for again after a
 * reload or a language switch: portal audit).
 *
 * With `other: { load(value, scope), keep() }`, a draft another tab (or window) of the same page
 * changes is never overwritten unasked: from the `storage` event on, `save` and `clear` write
 * nothing (they return false) and a notice below the header offers the two versions — load the
 * other tab's (`load`), or keep this page's (`keep`, which saves it again) (portal audit,
 * thirty-fifth session, F2: a stale second tab's one keystroke replaced a whole filing).
 */
export function store(name, { other: choose } = {}) {
  const key = `fangkong.draft.${name}`;
  const parse = (text) => {
    try {
      return JSON.parse(text || 'null');
    } catch {
      return null;
    }
  };
  const read = () => parse(localStorage.getItem(key));
  /** The value this page last saved or restored, as JSON: what another tab's is compared with. */
  let own = JSON.stringify(read()?.value ?? null);
  /** What another tab saved since, while the person has not chosen: `{ value, scope }`, or null. */
  let other = null;
  let notice = null;
  const scopeOf = (saved) => { const s = saved?.scope; return Array.isArray(s) ? s.filter((p) => typeof p === 'string') : []; };
  const settle = () => {
    other = null;
    notice?.remove();
  };
  function showNotice() {
    notice ??= el('div', { id: 'draft-other', class: 'draft-other no-print', role: 'alert' },
      el('p', {}, t('draftOther')),
      el('div', { class: 'draft-other-choices' },
        el('button', { type: 'button', id: 'draft-load-other', 'on:click': async () => {
          const theirs = other;
          settle();
          own = JSON.stringify(theirs?.value ?? null);
          await choose.load(theirs?.value ?? null, theirs?.scope ?? []);
        } }, t('draftLoadOther')),
        el('button', { type: 'button', id: 'draft-keep-mine', class: 'secondary', 'on:click': () => {
          settle();
          choose.keep();
        } }, t('draftKeepMine'))));
    if (!notice.isConnected) {
      const bar = document.querySelector('body > header.bar');
      if (bar) bar.after(notice);
      else document.body.prepend(notice);
    }
  }
  if (choose) {
    addEventListener('storage', (ev) => {
      // `key` null: the whole storage was cleared (by another tab: a storage event never comes
      // from this page's own writes).
      if (ev.storageArea !== localStorage || (ev.key !== key && ev.key !== null)) return;
      const theirs = ev.key === null ? null : parse(ev.newValue);
      // The same as this page holds (the other tab loaded it, or chose it): nothing to choose.
      if (JSON.stringify(theirs?.value ?? null) === own) {
        settle();
        return;
      }
      other = { value: theirs?.value ?? null, scope: scopeOf(theirs) };
      showNotice();
    });
  }
  return {
    save(value, scope) {
      if (other) return false;
      own = JSON.stringify(value ?? null);
      localStorage.setItem(key, JSON.stringify({ savedAt: new Date().toISOString(), value, ...(scope ? { scope } : {}) }));
      return true;
    },
    load: () => {
      const value = read()?.value ?? null;
      own = JSON.stringify(value);
      return value;
    },
    scope: () => scopeOf(read()),
    clear() {
      if (other) return false;
      own = 'null';
      localStorage.removeItem(key);
      return true;
    },
    /** Another tab changed the draft and the person has not chosen yet: nothing is saved. */
    held: () => other !== null,
  };
}

const OUTBOX = 'fangkong.outbox';
/**
 * Submissions not yet taken by the district: `[{ id, kind, submission, packHash, now, status }]`.
 * `status` is `notSent` (waiting: offline, or the network or server failed) or `refused` (the
 * server answered 4xx: it will not take it as it is; `reason` says why, `httpStatus` the code).
 * A refused item stays, shown with its reason, until the person removes it.
 */
export const outbox = {
  list() {
    try {
      const list = JSON.parse(localStorage.getItem(OUTBOX) || '[]');
      return Array.isArray(list) ? list : [];
    } catch {
      return [];
    }
  },
  put(list) {
    localStorage.setItem(OUTBOX, JSON.stringify(list));
    dispatchEvent(new CustomEvent('fangkong:outbox', { detail: { waiting: list.filter((x) => x.status !== 'refused').length } }));
  },
  /** Replaces (or, with `null`, removes) the item `id`, leaving what others added meanwhile. */
  update(id, item) {
    this.put(this.list().flatMap((x) => (x.id !== id ? [x] : item ? [item] : [])));
  },
  remove(id) { this.update(id, null); },
  waiting() { return this.list().filter((x) => x.status !== 'refused'); },
  refused() { return this.list().filter((x) => x.status === 'refused'); },
};

/**
 * Sends a submission to the district's back end (which re-checks it). Offline, or when the
 * network or the server fails, it is kept in the outbox flagged `notSent`, and sent when back
 * online (on the `online` event, on every page load, or with "send now"). Resolves to
 * `{ status: 'sent' | 'notSent' | 'refused', response?, reason? }`.
 */
export async function submit(kind, submission, packHash, now) {
  // The pack family it was checked under goes with it: the back end re-checks under the same one.
  const item = { id: `${Date.now()}-${Math.random().toString(16).slice(2)}`, kind, submission, packHash, packId: settings.pack, now, status: 'notSent' };
  // The same submission already waiting is not queued twice (portal audit: 提交 twice offline
  // sent it twice once back online).
  const same = JSON.stringify([kind, submission, settings.pack]);
  // Asked again for what already waits: it is sent now, if the network lets it.
  if (outbox.waiting().some((x) => JSON.stringify([x.kind, x.submission, x.packId]) === same)) {
    if (navigator.onLine) flush();
    return { status: 'notSent', duplicate: true };
  }
  // Kept first, and taken out only once the district has answered (portal audit, thirty-ninth
  // session: on a network that hangs, a tab closed while 正在发送… lost the submission). Sent
  // again later it is the same `id`, which the district counts once. Where the browser's storage
  // cannot hold it (a large roster beside its draft), it is sent as before, unkept (review:
  // it was not sent at all).
  let kept = true;
  try {
    outbox.put([...outbox.list(), item]);
  } catch {
    kept = false;
  }
  if (!navigator.onLine) return kept ? { status: 'notSent' } : { status: 'notKept' };
  // Not while another tab (or this page's flush) is sending the outbox.
  return withOutbox(async () => {
    const r = await deliver(item);
    if (!kept) return r.status === 'notSent' ? { status: 'notKept' } : r;
    settle(item, r);
    // The network failed or kept it waiting while the browser says it is online: no `online`
    // event will come, so the outbox is tried again in a while (review: it waited for a reload).
    if (r.status === 'notSent') setTimeout(() => { if (navigator.onLine) flush(); }, RETRY_MS);
    return r;
  });
}

/** `fn` holding the outbox, one tab at a time where the browser has Web Locks. */
const withOutbox = (fn) => (navigator.locks ? navigator.locks.request(OUTBOX, fn) : fn());

/**
 * The outbox after a delivery of `item`: sent, it leaves; refused, it stays flagged with the
 * district's reason (returned); not sent, it waits as it is.
 */
function settle(item, r) {
  if (r.status === 'sent') outbox.remove(item.id);
  if (r.status !== 'refused') return null;
  const refused = { ...item, status: 'refused', reason: r.reason, refusal: r.refusal, httpStatus: r.httpStatus, refusedAt: new Date().toISOString() };
  outbox.update(item.id, refused);
  return refused;
}

/** How long after a send that failed online the outbox is tried again. */
const RETRY_MS = 30_000;

/** How long a submission's POST may take before it is left in the outbox, to be sent again. */
const SEND_WAIT_MS = 20_000;

/** POSTs one submission: `sent` (2xx, with the server's answer), `refused` (4xx, with its reason) or `notSent`. */
async function deliver(item) {
  let res;
  let body;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), SEND_WAIT_MS);
  try {
    const { id, kind, submission, packHash, packId, now } = item;
    // In the page's language: the district's reasons are shown as it gives them (send.mjs).
    res = await fetch('/api/submissions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id, kind, submission, packHash, packId, now, locale: settings.locale }), signal: abort.signal });
    body = await res.json().catch(() => null);
  } catch {
    return { status: 'notSent' };
  } finally {
    clearTimeout(timer);
  }
  if (res.ok) return { status: 'sent', response: body };
  if (res.status >= 400 && res.status < 500) return { status: 'refused', httpStatus: res.status, reason: refusal(res.status, body), refusal: kept(body), response: body };
  return { status: 'notSent' };
}

/**
 * What of a refusal is kept with the outbox item, so that its reason is worded when it is shown,
 * in the page's language then (portal audit, thirty-sixth session: a refusal stayed in the
 * language it arrived in): the server's code and words, and the packs it takes.
 */
const kept = (body) => (body && typeof body === 'object'
  ? { error: body.error, code: body.code, messages: body.messages, sameRules: body.sameRules, accepts: body.accepts, answer: body.answer?.pack ? { pack: body.answer.pack } : undefined }
  : undefined);

/** An outbox item's or a delivery's refusal, worded in the page's language now. */
export const refusalOf = (x) => (x.refusal ? refusal(x.httpStatus, x.refusal) : x.reason ?? '');

/** The server's reason for a 4xx, in the person's words where the portal knows them. */
function refusal(status, body) {
  // The server's words in the page's locale where it gives them (`messages`), else its `error`.
  const said = body?.messages && typeof body.messages === 'object' ? body.messages[settings.locale] ?? body.messages['zh-CN'] : undefined;
  if (typeof said === 'string' && said) return said;
  if (typeof body?.error === 'string' && body.error) return body.error;
  if (body?.sameRules === false) {
    // Which pack (and version) the district takes, as its back end says.
    const accepts = Array.isArray(body.accepts) && body.accepts.length ? body.accepts : [body.answer?.pack].filter(Boolean);
    const name = (x) => `${x.id} ${x.version}`;
    return tf('obOtherRules', { accepts: accepts.length === 1 ? tf('obPackHash', { pack: name(accepts[0]), hash: accepts[0].hash }) : accepts.map(name).join(t('listSep')) });
  }
  return `HTTP ${status}`;
}

let flushing = null;
let lastResult = null;
/** What the last `flush()` of this page did (`{ sent, refused }`), or null: for a page that starts after it. */
export const lastFlush = () => lastResult;
/**
 * Sends every waiting item of the outbox, one at a time (one tab at a time, where the browser
 * has Web Locks). Runs on every page load when online, on the `online` event, and from the
 * "send now" button. Announces `fangkong:sent` with `{ sent: [{ item, response }], refused: [item] }`.
 */
export function flush() {
  flushing ??= (async () => {
    const run = async () => {
      const sent = [];
      const refused = [];
      for (const item of outbox.waiting()) {
        const r = await deliver(item);
        const flagged = settle(item, r);
        if (r.status === 'sent') sent.push({ item, response: r.response });
        if (flagged) refused.push(flagged);
      }
      return { sent, refused };
    };
    try {
      const result = await withOutbox(run);
      lastResult = result;
      dispatchEvent(new CustomEvent('fangkong:sent', { detail: result }));
      return result;
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}
addEventListener('online', () => flush());

/** An example's name in the page's words (`workshop` → 小型电子企业); its file name when the portal has no word for it. */
/**
 * An answer left open with nothing to fill in: `incomplete` while no value is missing, held back
 * or shown, so a value given was refused (99.5 °F, a date after today) and is to be corrected,
 * not 待补充 (the inspection and screening pages say so alike).
 */
export const toCorrect = (a) => a.decision === 'incomplete' && !a.pending && !a.diagnostics.some((x) => x.missing);

export const exampleName = (name) => (`ex.${name}` in UI[settings.locale] || `ex.${name}` in UI['zh-CN'] ? t(`ex.${name}`) : name);

/** `t(key)` with `{name}` filled in. */
export const tf = (key, vars = {}) => t(key).replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));

/**
 * The outbox as every page shows it in its header: how many wait to be sent, how many the
 * district refused, and a "send now" button while any wait.
 */
function outboxStatus() {
  const count = el('span', { id: 'outbox-count' });
  const button = el('button', { type: 'button', id: 'send-now', class: 'secondary', hidden: true, 'on:click': () => flush() }, t('obSendNow'));
  const node = el('span', { class: 'outbox-status', role: 'status', hidden: true }, count, ' ', button);
  const update = () => {
    const waiting = outbox.waiting().length;
    const refused = outbox.refused().length;
    count.textContent = [waiting ? tf('obWaiting', { n: waiting }) : '', refused ? tf('obRefusedCount', { n: refused }) : ''].filter(Boolean).join(' · ');
    button.hidden = waiting === 0;
    node.hidden = waiting === 0 && refused === 0;
  };
  addEventListener('fangkong:outbox', update);
  addEventListener('storage', (ev) => { if (ev.key === OUTBOX) update(); });
  update();
  return node;
}

if ('serviceWorker' in navigator && !params.has('nosw')) {
  navigator.serviceWorker.register('/sw.js').catch(() => {});
}
// What waits in the outbox goes on every page load, not only when an `online` event comes.
if (navigator.onLine && outbox.waiting().length) queueMicrotask(() => flush());

/** The portal's manifest (/offline.json): the files kept offline and the examples. */
let manifest;
export function offlineManifest() {
  manifest ??= fetch('/offline.json').then((r) => {
    if (!r.ok) throw new Error(`/offline.json: ${r.status}`);
    return r.json();
  });
  return manifest;
}

/**
 * What 载入 or 清空 replaced, and putting it back with `button`: nothing the person typed is lost
 * to one click (portal audit: both wiped the form and its draft at once). `keep(latest)` before
 * replacing; `undo()` (the button's click) fills the form again with `fill`.
 */
export function undoKeeper(button, fill) {
  let replaced = null;
  return {
    keep(latest) {
      replaced = Object.keys(latest).length ? structuredClone(latest) : null;
      button.hidden = replaced === null;
    },
    async undo() {
      const before = replaced;
      replaced = null;
      button.hidden = true;
      if (before) await fill(before);
    },
  };
}

/** One of the portal's examples (`/examples/<dir>/<name>.json`) as a value; throws when it cannot be had. */
export async function fetchExample(dir, name) {
  const res = await fetch(`/examples/${dir}/${encodeURIComponent(name)}.json`);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}
