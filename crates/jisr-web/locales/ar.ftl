# النصوص العربية لواجهة جسر. يجب أن يوجد كل معرّف هنا في en.ftl أيضًا.

app-name = جسر
skip-to-content = انتقل إلى المحتوى
nav-label = القائمة الرئيسية
nav-dashboard = لوحة المتابعة
nav-events = الأحداث
nav-search = البحث
nav-admin = الإدارة
nav-audit = سجل التدقيق
nav-prefs = التفضيلات
switch-lang = English
logout = تسجيل الخروج

yes = نعم
no = لا
none = لا شيء
any = الكل
never = أبدًا
add = إضافة
edit = تعديل
save = حفظ
actions = إجراءات
back-home = العودة إلى لوحة المتابعة

login-title = تسجيل الدخول
login-submit = دخول
login-failed = البريد الإلكتروني أو كلمة المرور غير صحيحة، أو أن الحساب موقوف مؤقتًا بعد محاولات فاشلة متكررة.
login-help = ليست لديك كلمة مرور بعد؟ اطلب من المسؤول رابط تعيين كلمة المرور، أو نفّذ الأمر `jisr user passwd EMAIL` على الخادم.
field-email = البريد الإلكتروني
field-password = كلمة المرور
field-new-password = كلمة المرور الجديدة
field-password-again = أعد كتابة كلمة المرور الجديدة
password-title = تعيين كلمة المرور
password-for = اختر كلمة مرور للحساب { $email }.
password-rule = اثنا عشر حرفًا على الأقل. العبارة الطويلة أسهل تذكرًا وأصعب تخمينًا.
password-submit = تعيين كلمة المرور
password-link-invalid = هذا الرابط غير صالح: استُخدم من قبل، أو انتهت مدته، أو حلّ محله رابط أحدث. اطلب رابطًا جديدًا من المسؤول.
password-mismatch = كلمتا المرور غير متطابقتين.
password-too-short = كلمة المرور قصيرة جدًا: استخدم اثني عشر حرفًا على الأقل.
password-too-long = كلمة المرور طويلة جدًا.

prefs-title = التفضيلات
prefs-saved = حُفظت تفضيلاتك.
field-language = اللغة
field-digits = الأرقام
digits-latn = أرقام لاتينية (0123456789)
digits-arab = أرقام عربية هندية (٠١٢٣٤٥٦٧٨٩)
field-hijri = اعرض التواريخ بالتقويم الهجري أيضًا (الحسابي)

dashboard-title = لوحة المتابعة
dashboard-recent = أحدث الأحداث
dashboard-mine = نشاط { $org }
events-count = { $count ->
    [zero] لا أحداث
    [one] حدث واحد
    [two] حدثان
    [few] { $count } أحداث
    [many] { $count } حدثًا
   *[other] { $count } حدث
}
no-events = لا توجد أحداث.

events-title = الأحداث
event-new = حدث جديد
event-edit = تعديل الحدث
filters = عوامل التصفية
filter-text = نص في العنوان
filter-from = من تاريخ
filter-to = إلى تاريخ
filter-org = الجهة
filter-tag = الوسم
filter-distribution = نطاق التوزيع
filter-published = منشور
filter-apply = طبّق التصفية
filter-clear = مسح
page-prev = الصفحة السابقة
page-next = الصفحة التالية

col-id = الرقم
col-date = التاريخ
col-org = الجهة
col-info = العنوان
col-tags = الوسوم
col-attributes = السمات
col-distribution = نطاق التوزيع
col-published = منشور

dist-0 = جهتك فقط
dist-1 = هذا المجتمع فقط
dist-2 = المجتمعات المتصلة
dist-3 = كل المجتمعات
dist-4 = مجموعة مشاركة
dist-5 = كما في الحدث

threat-1 = مرتفع
threat-2 = متوسط
threat-3 = منخفض
threat-4 = غير محدد
analysis-0 = أولي
analysis-1 = جارٍ
analysis-2 = مكتمل

field-info = العنوان (وصف الحدث)
field-uuid = المعرّف الفريد
field-creator = الجهة المنشئة
field-owner = الجهة المالكة
field-threat-level = مستوى التهديد
field-analysis = التحليل
field-modified = آخر تعديل
field-sharing-group = مجموعة المشاركة
field-category = الفئة
category-default = الفئة الافتراضية للنوع
field-type = النوع
field-value = القيمة
field-ids = لأنظمة كشف التسلل (IDS)
field-comment = تعليق
field-relation = العلاقة
field-object-name = اسم قالب الكائن
field-name = الاسم
field-description = الوصف
field-nationality = الجنسية
field-sector = القطاع
field-local = محلية
field-remote = جهة شريكة (معروفة عبر المزامنة)
field-role = الدور

sightings = المشاهدات
false-positives = { $count ->
    [one] إنذار كاذب واحد
    [two] إنذاران كاذبان
    [few] { $count } إنذارات كاذبة
   *[other] { $count } إنذارًا كاذبًا
}
attributes = السمات
attribute-new = إضافة سمة
attribute-edit = تعديل السمة
object = كائن
object-new = إضافة كائن
in-event = في الحدث
reports = التقارير
history = السجل
tag-add = إضافة وسم
tag-local = محلي لهذا الخادم

search-title = البحث
search-label = ابحث عن
search-submit = بحث
search-help = يبحث في عناوين الأحداث وقيم السمات وأسماء الأشخاص المكتوبة بالحروف العربية أو اللاتينية (مثلًا يجد البحث عن "Ahmed Saleh" الاسم "أحمد صالح"). تُطابَق القيمة كاملةً؛ ضع * فيها لمطابقة جزء من القيم (مثلًا 198.51.100.*)، وهذا يستغرق وقتًا أطول.
search-names = الأسماء المطابقة
search-values = القيم المطابقة
search-events = عناوين الأحداث المطابقة
search-score = درجة التطابق
search-event = الحدث

admin-orgs = الجهات
admin-users = المستخدمون
admin-roles = الأدوار
admin-groups = مجموعات المشاركة
org-add = إضافة جهة
user-add = إضافة مستخدم
user-password = كلمة المرور معيّنة
user-last-login = آخر دخول
user-disabled = معطّل
user-link = إصدار رابط تعيين كلمة المرور
user-link-issued = سلّم هذا الرابط إلى { $email } عبر قناة موثوقة؛ يصلح لمرة واحدة خلال ثلاثة أيام:
user-key-issued = مفتاح الواجهة البرمجية الخاص به (يظهر الآن فقط):
role-default = افتراضي
role-perms = الصلاحيات
group-owner = تديرها
group-members = الجهات الأعضاء
group-releasability = قابلة للإفراج إلى
group-active = نشطة
group-add = إضافة مجموعة مشاركة

audit-title = سجل التدقيق
audit-when = الوقت
audit-address = العنوان الشبكي
audit-model = الموضوع
audit-action = الإجراء
audit-change = التفاصيل

error-csrf = رُفض النموذج: لم يحمل رمز الأمان الخاص بهذه الصفحة. أعد تحميل الصفحة وحاول مجددًا.
error-not-found = غير موجود (أو غير مرئي لك).
error-forbidden = ليست لديك صلاحية لهذا الإجراء.
error-invalid = تعذّر تنفيذ الطلب.
error-internal = حدث خطأ في الخادم؛ لم يُحفظ شيء.
err-generic = تعذّر حفظ النموذج.
err-field-info = العنوان (وصف الحدث) مطلوب.
err-field-value = القيمة غير صالحة للنوع المختار.
err-field-type = النوع غير صالح.
err-field-category = الفئة لا تسمح بهذا النوع.
err-field-distribution = نطاق التوزيع غير صالح.
err-field-sharing_group_id = اختر مجموعة مشاركة أنت عضو فيها.
err-field-date = التاريخ غير صالح.
err-field-name = الاسم مطلوب.
err-field-email = البريد الإلكتروني غير صالح أو مستخدم من قبل.
err-field-org_id = الجهة غير صالحة.
err-field-role_id = الدور غير صالح.

history-add = أنشأ الحدث
history-edit = عدّل الحدث
history-delete = حذف
history-publish = نشر
history-unpublish = ألغى النشر
history-import = استورد
history-attribute_add = أضاف سمة
history-attribute_edit = عدّل سمة
history-object_add = أضاف كائنًا
history-tag_add = أضاف وسمًا

admin-servers = خوادم المزامنة
server-url = العنوان (URL)
server-key = مفتاح الواجهة البرمجية لمستخدم المزامنة لدينا هناك
server-remote-org = الجهة الشريكة
server-push = دفع
server-pull = سحب
server-last-push = آخر دفع
server-last-pull = آخر سحب
server-add = إضافة خادم مزامنة
dashboard-sync = المزامنة
err-field-url = يجب أن يكون العنوان رابط http(s).
err-field-authkey = مفتاح الواجهة البرمجية أربعون حرفًا ورقمًا.

event-publish = نشر
event-unpublish = إلغاء النشر
tag-remove = إزالة الوسم
remove = إزالة
delete = حذف
attribute-delete = حذف السمة
history-attribute_delete = حذف سمة
history-tag_remove = أزال وسمًا

admin-tags = الوسوم
tag-new = وسم جديد
tag-colour = اللون
err-field-colour = يُكتب اللون على الصورة #rrggbb.

report-new = إضافة تقرير
report-content = التقرير (بصيغة ماركداون)
report-help = ماركداون: عناوين وقوائم وروابط وجداول. تُزال النصوص البرمجية والمحتوى المضمّن عند العرض.
object-edit = تعديل الكائن
object-edit-help = تُعدَّل سمات الكائن واحدة واحدة في صفحة الحدث.
history-object_edit = عدّل كائنًا
history-report_add = أضاف تقريرًا

sighting-add = تسجيل مشاهدة للسمة
sighting-false = الإبلاغ عن إنذار كاذب للسمة
sighting-false-short = إنذار كاذب
history-sighting_add = سجّل مشاهدة

error-too-large = النموذج كبير جدًا.

group-add-member = إضافة جهة عضو إلى
group-remove-member = إزالة العضو

role-new = دور جديد
role-edit = تعديل الدور

server-push-now = ادفع الآن
server-pull-now = اسحب الآن
server-push-queued = أُدرج الدفع في قائمة الانتظار؛ تظهر النتيجة هنا بعد أن ينفذه العامل في الخلفية.
server-pull-queued = أُدرج السحب في قائمة الانتظار؛ تظهر النتيجة هنا بعد أن ينفذه العامل في الخلفية.

correlations = الارتباطات
related-events = الأحداث المرتبطة (الارتباطات)

hijri-suffix = هـ
hijri-month-1 = محرم
hijri-month-2 = صفر
hijri-month-3 = ربيع الأول
hijri-month-4 = ربيع الآخر
hijri-month-5 = جمادى الأولى
hijri-month-6 = جمادى الآخرة
hijri-month-7 = رجب
hijri-month-8 = شعبان
hijri-month-9 = رمضان
hijri-month-10 = شوال
hijri-month-11 = ذو القعدة
hijri-month-12 = ذو الحجة
confirm-title = تأكيد الحذف
confirm-delete = احذف
cancel = إلغاء
confirm-delete-event = هل تريد حذف الحدث «{ $name }» وكل ما فيه؟ لا يمكن التراجع عن ذلك.
confirm-delete-object = هل تريد حذف الكائن «{ $name }» وسماته؟
confirm-delete-report = هل تريد حذف التقرير «{ $name }»؟
confirm-remove-attribute-tag = هل تريد إزالة الوسم «{ $name }» من السمة «{ $value }»؟
confirm-remove = أزل
confirm-delete-org = هل تريد حذف المنظمة «{ $name }»؟
confirm-delete-user = هل تريد حذف المستخدم «{ $name }»؟ تتوقف مفاتيح API الخاصة به عن العمل فورًا.
confirm-delete-role = هل تريد حذف الدور «{ $name }»؟
confirm-delete-group = هل تريد حذف مجموعة المشاركة «{ $name }»؟
confirm-delete-server = هل تريد حذف خادم المزامنة «{ $name }»؟ لن يُدفع إليه ولن يُسحب منه شيء بعد ذلك.
err-delete-org-users = ما زال للمنظمة مستخدمون؛ احذفهم أو انقلهم إلى منظمة أخرى أولًا.
err-delete-org-events = ما زالت المنظمة تملك أحداثًا أو أنشأتها، لذا لا يمكن حذفها.
err-delete-role-users = ما زال بعض المستخدمين يحملون هذا الدور؛ امنحهم دورًا آخر أولًا.
err-delete-self = لا يمكنك حذف حسابك.
err-delete-refused = رُفض الحذف.
event-delete = حذف الحدث
event-deleted = حُذف الحدث.
object-delete = حذف الكائن
report-delete = حذف التقرير
org-delete = حذف المنظمة
user-delete = حذف المستخدم
role-delete = حذف الدور
group-delete = حذف مجموعة المشاركة
server-delete = حذف خادم المزامنة
server-edit = تعديل خادم المزامنة
attribute-tags = وسوم هذه السمة
history-object_delete = حذف كائنًا
history-report_delete = حذف تقريرًا
err-field-cert_file = يجب أن تكون الشهادة المثبّتة نص PEM ‏(-----BEGIN CERTIFICATE-----).
err-field-push_rules = قواعد التصفية غير صالحة.
server-key-keep = مفتاح API لمستخدم المزامنة لدينا هناك (اتركه فارغًا للإبقاء على المفتاح الحالي)
server-push-sightings = دفع المشاهدات
server-tls = شهادة الشريك
server-pin = شهادة مثبّتة (PEM)؛ فارغ: جذور الثقة في النظام
server-self-signed = لا تتحقق من الشهادة (للاختبار فقط)
server-push-rules = قواعد الدفع
server-pull-rules = قواعد السحب
server-rules-help = أسماء مفصولة بفواصل. قوائم «فقط»: يجب أن يطابق الحدث أحد عناصرها (فارغة: أي حدث). قوائم «أبدًا»: يُستبعد الحدث الذي يطابق أحد عناصرها.
rules-tags-or = فقط الأحداث التي تحمل هذه الوسوم
rules-tags-not = أبدًا الأحداث التي تحمل هذه الوسوم
rules-orgs-or = فقط الأحداث التي أنشأتها هذه المنظمات
rules-orgs-not = أبدًا الأحداث التي أنشأتها هذه المنظمات
event-pages = صفحات هذا الحدث
event-page-of = الصفحة { $page } من { $pages }
event-page-note = يُعرض الحدث الكبير صفحةً صفحة؛ والارتباطات والأحداث المرتبطة هي تلك الخاصة بسمات هذه الصفحة.
audit-partial = بُحث في أحدث { $count } مدخل فقط؛ استخدم `jisr audit search` على الخادم للمدخلات الأقدم.
