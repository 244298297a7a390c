//! Blocking keys for cross-script names: which names are scored against
//! each other when one is written. The name engine gives each part its
//! sound and concept readings; this pairs them so that the same person or
//! body in either script, or in a shorter form, shares a key, while
//! "given + family" alone stays selective. Pure: no storage here.

use jisr_names::NameKind;

use super::keys::key_of;

/// Which derivation of [`name_keys`], and of the name scores, the stored
/// name index follows. Names indexed under other keys no longer meet names
/// indexed under these, and pairs scored otherwise disagree with the pairs
/// written since (one spelling linked, its twin not), so an instance
/// records it (`upgrade`) and rebuilds its index when it changes. Bump it
/// with any change to what `name_keys` gives or to how the name engine
/// scores, its parsing and lexicon included: the test
/// `name_keys_are_those_of_their_version` fails until it is bumped.
/// 3: ض, a final -h, th for ذ, zh for زه / ظه and Turkish c, ş and final t
/// scored as their romanisations write them.
/// 4: "FAMILY, Given" read given name first; زة at a word's end is za, not zh;
/// South Asian glued articles split off (Saiful Islam is Saif ul-Islam);
/// Turkish c is j before any vowel, -eyt is -eyd, -oğlu a part of its own;
/// spelled-out initials and regnal numbers read as letters and numbers;
/// pinyin x, q and zh.
/// 5: European spellings read as spoken: letters French, Spanish, Italian,
/// German and English leave silent (Foucault, Jacques, gn, ll, gh), oi as
/// wa, g before e / i as j, the t Arabic writes before a German final z,
/// the a of English Kate as e;
/// a Latin part's second key also leaves its silent letters out; regnal
/// numbers beyond ten (XVI, «السادس عشر»); an Arabic part with ض has a
/// second key reading it as z (Fazl, Raza); any Arabic letter name with a
/// dot is an initial (سي. is C.).
/// 6: English dge, igh and an initial kn (Aldridge, Wright, Knowles),
/// German tzsch, Italian cch, Polish cz at a word's ends, Italian cc before
/// e / i, Mc, French -ot read as spoken; Hebrew ch as ح (Menachem), Persian
/// ch as ج (Chalabi); an Arabic part with ت، د، س or ك before ح or ه has
/// a second key reading the pair as th, dh, sh, kh (Fathi for فتحي); legal
/// forms written out (Open
/// Joint Stock Company, Aktiengesellschaft) are legal parts; a father and
/// his son (Salman bin Muhammad, Muhammad bin Salman) score apart, as do
/// two chains with a link on each side matching nothing; an East Slavic
/// patronymic between given name and surname is such a link; numbers in
/// organisation names read as digits from words of either script, and a
/// word with digits compared by its exact text (Brigade 313 is not 314); a
/// given name's forms in other languages and its short forms are an alias
/// with a key of their own (Yitzhak «إسحاق», Bill William), medieval
/// exonyms read as the names they stand for (Avicenna is Ibn Sina); «آية
/// الله» a title, not the letter A and Allah; titles of several words
/// («ولي العهد», Crown Prince).
/// 7: ç read as s or ch, not k (Fayçal فيصل, Koç كوتش); compared as c
/// against spellings without it (Gonçalves is Goncalves); what the press
/// writes around a name (Syrian President, «الأمين العام لحزب الله», «المتهم
/// الهارب» before it, «وزير الداخلية» after it) set apart as descriptions; armed, mobilisation, Levant, crescent and red are
/// organisation concepts, جماعة a group, and concept words names also
/// romanise (مصر Misr, الهلال Hilal, الشام al-Sham) keyed by sound too;
/// the other names a string gives (a.k.a., «المعروف بـ») keyed and scored
/// as names of their own; counter-terrorism, narcotics, civil protection
/// and intelligence words as concepts, EU, UN, U.S. … as the words they
/// stand for; a middle name unmatched on each side is a second father.
/// 8: Slavic č ć, š ś, ž ź ż read as ch, sh and zh, not as the bare c,
/// s and z (Šakić «شاكيتش», Žurić «جوريتش»), compared as their bare
/// letters against spellings without them; sz one s (Szabó «سابو»), szcz
/// shch; sc before e or i the s or ch of a c (Lascelles, Buscemi);
/// Turkish forms of Arabic names as aliases (Hatice «خديجة», Halit «خالد»);
/// political and wing as concepts; Head an office, and an office's
/// complement takes the words of a body after it (Head of the Hamas
/// political bureau); a nationality closes an Arabic description, the
/// former and the late with it («رئيس الحكومة التونسية الحبيب الصيد»);
/// ranks without the article that are also names (رائد، مشير، فضيلة) are
/// titles only before another title or ركن, which joins a rank; -oğlu
/// comes off a stem with ç too (Kılıçdaroğlu); a part after ben, bin
/// or «بن» also keyed and aligned glued to it (Benflis «بن فليس»);
/// workers, lashkar «عسكر» as army, سرايا as brigades are concepts, and a
/// Latin article before ad-Din joins its compound (Izz ad-Din); more
/// countries with their adjectives, and fighting, as concepts, the
/// countries also keyed by sound (Banque de Tunis «بنك تونس»); tth is
/// th (Matthew «ماثيو»); a word of a body's name before one of its
/// concept words joins an office's complement (the IRGC Quds Force).
/// 9: across scripts g is nearer غ (Greta «غريتا»), s nearer ش (Stefan
/// «شتيفان») and ز (Rosa «روزا»), and an h cheaper to leave out, as fitted
/// on the training splits, as are p ~ ب, v and w ~ ف, j ~ ي (Jan «يان»),
/// ch ~ ك, a long a and a final ya; a ta marbuta the Latin does not
/// write costs more (Said is not «سعيدة»), as does e ~ ا (Asher is
/// «آشر», not «أشار»), and و is o as well as u; within one script the
/// letters stay apart.
/// 10: support, rapid, democratic and peninsula as concepts (the Rapid
/// Support Forces «قوات الدعم السريع», al-Qaeda in the Arabian Peninsula
/// «في جزيرة العرب»), peninsula keyed by sound as well (Al Jazeera), and
/// arabian as arab; coalition, opposition, network, league, province
/// (Wilayat Sinai «ولاية سيناء»), region, holy, land, freedom and
/// homeland as concepts, the first four also type words; republican as
/// republic, world and global as international, harakat and tehrik as
/// movement, قوى as forces, أعلى as supreme, خليجي as gulf; airlines,
/// airways and «طيران» as air, with «الخطوط» a stop word (Iraqi Airways
/// «الخطوط الجوية العراقية»), royal, «ديوان» as office, French country
/// names (Algérie, Maroc), and a French article elided onto a word the
/// lexicon knows left out (Banque d'Algérie, de l'Intérieur); gold and
/// jewellery as concepts, estate as property, نفطي and بترولي as oil,
/// مقاولون as contracting. A Latin j is also read as y in a part's second
/// key, as Slavic, Nordic, Dutch and Albanian names write it and Arabic
/// writes ي (Bajraktaraj «بايراكتاراي», Jan «يان»).
/// 11: every Arabic organisation word the lexicon translates is keyed by
/// its sound too (Jaish al-Adl «جيش العدل»); a body named only by words for
/// kinds of body is named by all but its head (Union Bank «بنك الاتحاد»);
/// a man named by his nasab chain alone drops the house the other side
/// adds (Mohammed bin Zayed «محمد بن زايد آل نهيان»); Abdulla is a name
/// (Abdullah), no longer «عبد» opening a compound with the next part; a
/// middle part unmatched in a pair with Arabic script is a chain link
/// left out, not a part that conflicts (Ayman al-Zawahiri «أيمن محمد ربيع
/// الظواهري»); Muslim and «مسلمين» are forms of islamic (Muslim World League
/// «رابطة العالم الإسلامي»); a Latin s may meet ز when no other consonant
/// does (Isaiah «أيزاياه»); a Latin final s after a or i may be silent, as
/// French leaves it (Louis «لوي», Nicolas «نيكولا»); a compound ʿAbd or a
/// kunya opens no longer joins the name before it («محمد عبد الله شلح»); an
/// opening «او» may be alif and the consonant waw (Awais «أويس»).
/// 12: parts in swapped order across scripts cost a little (Jamie Lee no
/// longer outranks Ali Gomaa for «علي جمعة»); a concept word two rows
/// list has both senses, scored and keyed («جامعة» a university and the
/// Arab League «جامعة الدول العربية»); fund, monetary, criminal, energy,
/// atomic, nuclear, high, refugees, the four points, atlantic, coast,
/// border, federal, prosecution, customs and ministers as concepts (fund
/// and prosecution kinds of body); «حلف» (treaty, pact) a
/// coalition, «خفر» a guard, «جهاز» a service, «دول» states, public as
/// general, board as council, federation as union; thirty-one more
/// countries with their adjectives (France to Chad, Mali's «مالية» a
/// second sense of financial), embassy (a kind of body), communist,
/// house, real, «تمويل» as finance, «سلطانية» as royal; a group named by
/// its members, a plural nisba, is read and keyed in the singular (the
/// Houthis «الحوثيون», the Salafists «السلفيون»); two bodies whose kinds
/// both show and differ are two (Arab League, «البنك العربي»); «هيئة» an
/// organisation, «جيش» forces, «تحريات» intelligence as well (second
/// senses), «قناة» a channel and a canal; internal as interior, a
/// revolution as revolutionary, cross, laundering, african, «مباحث»,
/// «جو», «سلاح» as concepts; a kunya beside a given name one side gives
/// and the other leaves out counts a third (Muammar Gaddafi «معمر محمد
/// أبو منيار القذافي»); a country named in a phrase (the United States,
/// «المملكة المتحدة») is its one word of the place table, treasury a
/// concept, «وزارة» a department as well; the acronyms of some thirty
/// bodies (IRGC, ISIL, «داعش», PKK, NATO) stand for their words, and one
/// alone names a body.
/// 13: Hebrew is read in Arabic letters («בנימין נתניהו» as «بنيمين
/// نتنيهو»), so it meets Latin and Arabic spellings instead of only itself;
/// grand, highness, majesty and eminence are titles, and H.E., H.H.,
/// H.R.H. and H.M. before a name are honorifics, not initials; bodies
/// known by a name that shares no word with another stand for their words
/// (Hamas, Interpol, Shin Bet, the CIA, «مجلس الأمن الدولي», Boko Haram),
/// law, enforcement and external concepts, «مركزية» central; in a pair
/// with Arabic script, a name whose given name meets the other's father's
/// while the other's own given name (not Muhammad) goes unmet names the
/// father («أحمد علي» against «خالد أحمد علي»); Monsieur, Madame, Herr,
/// Frau, Señor, Signor, Präsident, the Honourable are titles. Blocking
/// keys meet what the scorer matches more often (a fifth of the true
/// cross-script pairs of the lists screened shared none): each part also
/// keyed without its article and silent letters and with ذ and ظ as d
/// (Sadat «السادات», Gaddafi «القذافي»), z keyed as s (Scholz «شولتس»), a
/// chain's given name with its father (Mohammed bin Rashid «محمد بن راشد آل
/// مكتوم»), and any two of a body's own words (Central Bank of Egypt
/// «البنك المركزي المصري»), and a Persian or Pashtun surname's ending
/// written apart joined to the word before (Hajizadeh «حاجي زاده»).
/// 14: a body written as an acronym (OPEC, ICAO; three letters rank it
/// below a match) meets the bodies whose words spell it, keyed by the
/// letters; a body's acronym in parentheses after its name is another name
/// of it (Islamic Jihad Union (IJU)); the romanised Arabic words of armed
/// groups' names translate (jabhat, jaish, hizb, jamaat, kataib, faylaq,
/// majlis, ikhwan, muqawama, islamiya), cartel a kind of body; FARC, CJNG
/// and ETA stand for their English names. A Latin x is ks or kh, its s
/// dropping cheaply across scripts (Kurdish Xalid «خالد»); Azerbaijani ə
/// is a, and the scholarly romanisations' ḫ ṯ ḏ ġ ǧ and the Berber
/// alphabet's ɣ ɛ are read as the sounds they mark; şêx and şeyh are
/// sheikh. Across scripts a Spanish or Dutch g before e or i meets خ
/// (Jorge «خورخي»), and a final j ي; Polish -cki and -cka are tsk, each
/// letter cheap to leave out, and rz after a consonant zh (Krzysztof
/// «كشيشتوف»), its r cheap to leave out; a Latin c or z is also read ts,
/// a little below its own reading, against an Arabic part with ت and س
/// (Václav «فاتسلاف», Mozart «موتسارت»), and sch «سخ» against one with س
/// and خ (Schoof «سخوف»). Two bodies that meet only by concept words
/// while one has a word of its own or a country left over score 0.85 of
/// it (Central Bank, Central Bank of Egypt); «مجال» is a stop word. An office after a spaced dash
/// describes the person, as after a comma (Mahmoud Tawfik – Minister of
/// Interior).
/// 15: Somali spelling: a Latin x is also read ح and a c ع, a little below
/// their own readings, against an Arabic part with that letter (Xasan
/// «حسن», Cumar «عمر»); x is keyed as h in the second reading, silent at
/// the end like a final ح (Faarax «فارح»), and a word with a c before a
/// vowel, opening it or after a vowel, has a third reading without it
/// (Cali «علي»); pinyin x is sh before u only as pinyin writes it (Xu,
/// Xuan; Xuseen «حسين»). The Russian romanisation's g is also read h, at
/// 0.9 (Magomed «محمد», Gasan «حسن»), and its dzh is j (Dzhokhar «جوهر»);
/// Indonesian and Malay sy is also read sh (Hasyim «هاشم»); Somali sheekh
/// and xaaji, Indonesian syekh, ustadz and kyai are titles. Albanian xh
/// is j (Rexhep «رجب»), and a q opening a word is also read «تش» (Qosja).
/// A person's particulars after the name are not the name (Mahmoud
/// Tawfik, DOB 12/03/1962; born 1962; nationality; «مواليد 1962»; a
/// nationality or a status set apart: Egyptian national, deceased), and
/// two such years more than one apart keep 0.7 of the names' score.
/// Pashto, Urdu and Sindhi letters fold to the nearest Persian ones
/// (ګلبدین Gulbuddin, ځلمی Zalmay); mawlawi, maulana, qari, mufti and the
/// Persian and Pashto doctor and engineer are titles. A body's Latin plural
/// nisba also meets an Arabic singular one (Houthis «جماعة الحوثي»); an
/// Arabic word's opening letter written twice after the article or in a
/// word of three letters has a vowel between («النني» Elneny); a name's
/// first word that sounds as a title the other name drops is a title in
/// that pair (Haji Mohammad Ali, «حاجي محمد علي»). A
/// person's first and last words are also keyed by coarse sounds, h as k,
/// w as b and no y (Joaquín Guzmán «خواكين غوزمان», Magomed «محمد»,
/// Wilders «فيلدرز»): of 449 true cross-script pairs typed for this, those
/// sharing no key went from 89 to 73, for 15 % more candidate pairs among
/// 50,000 persons.
/// 16: Arabic typed in the chat alphabet is spelled in letters before
/// anything else reads it (Mo7amed 3ali 5aled is Mohamed Ali Khaled), and
/// a Latin name with digits for letters of like shape is read letter for
/// digit (I9or Sech1n is Igor Sechin).
/// 17: formulas of blessing after a person's name are not the name
/// («رحمه الله», «حفظه الله», «فك الله أسره», «عليه السلام», ﷺ,
/// rahimahullah, (r.a.), (may Allah have mercy on him)), nor «المغفور له»
/// before it; the mujahid, the prisoner, the detainee, the brother, the
/// commander and the like before a name are titles (الشهيد القائد عماد
/// مغنية).
/// 18: a person's nickname in quotation marks is another name of the
/// person (Joaquín "El Chapo" Guzmán, «أبو محمد» أحمد المصري), as a
/// parenthesis of two words is.
/// 19: S/O, D/O, W/O, son of, daughter of and wife of between names are
/// read as bin and bint (Malik Ishaq S/O Muhammad Ishaq).
/// 20: a person's other names listed with semicolons or enumerated (a.k.a.:
/// a) Abu Mohammed b) Abu Ahmad, as the UN's list writes them) are each a
/// name, and a marker before any name (a.k.a. "X"; a.k.a. "Y") is no part
/// of one.
/// 21: the UN list's name fields are read as the name (Name: 1: ABDUL
/// GHANI 2: BARADAR 3: na, its original script another name of the
/// person); a title alone after a family name's comma goes before it
/// (BARADAR, Mullah); a person's country alone in parentheses is a
/// particular (Mahmoud TAWFIK (Egypt)).
/// 22: the UK list's name fields too, family name first (Name 6:
/// AL-ZAWAHIRI 1: AYMAN 2: MUHAMMAD), read with the family name last.
/// 23: an age set apart or after aged («البالغ من العمر») is a
/// particular (Ahmed Hassan, 35, from Cairo), and post-nominal letters
/// that end a name are left out (PhD, Esq., OBE).
/// 24: sahib, sahab and saheb end names as names again (Sahab «سحاب»).
/// 25: the nom de guerre, the kunya and the real name as lists label them
/// introduce another name («الاسم الحركي:», «وكنيته», «ويدعى», known as,
/// nom de guerre, real name); a dash standing alone sets a nationality
/// apart as a comma does (محمد علي حسن - مصري الجنسية).
/// 26: @ and a spaced slash separate a person's names (Mas Selamat bin
/// Kastari @ Edi Hidayat; Mohammed ALI / Abu AHMED).
/// 27: a body's names are listed with semicolons and enumerated as a
/// person's are (Al-Rashid Trust a.k.a.: a) Al-Rasheed Trust b) Al-Amin
/// Welfare Trust), and the commas and parentheses around a listed name
/// are not part of it.
/// 28: a death after a person's name is a particular (killed 2015, d.
/// 2001, «قتل عام 2015», reportedly deceased), and its year is never taken
/// for the year of birth.
/// 29: a placeholder for a name ("Unknown", "N/A", «مجهول», «غير معروف»)
/// has no parts and no keys, and is no other name of a person (Abu Ahmed
/// (real name unknown)).
/// 30: Arabic markers of another name with and, also and or («والمعروف»,
/// «المعروف أيضاً باسم», «أو»), and «المكنى» and «الملقب» without the
/// preposition («المكنى أبو أحمد»).
/// 31: the kunya and title as a list's fields introduce another name
/// («الاسم: محمد علي حسن، الكنية: أبو أحمد»).
/// 32: a translated nisba is read as the romanised one (Abu Hamza the
/// Egyptian is Abu Hamza al-Masri).
/// 33: a ta marbuta is nearer a Latin t (Rahmatullah «رحمة الله», Najat
/// «نجاة»).
/// 34: b. and bt. between names are bin and bint, and Sh. and Shk. are
/// Sheikh (Muhammad b. Abd al-Wahhab, Sh. Ahmed Yassin).
/// 35: ranks of two words are titles («الملازم أول», «اللواء شرطة», First
/// Lieutenant, Warrant Officer).
/// 36: a trade or standing before a name describes the person («الناشط»,
/// «رجل الأعمال», activist, financier, «المطلوب أمنياً»).
/// 37: the words of CERTs and cyber-security bodies translate (team,
/// response, emergency, computer, cyber, incident), and «فيلق» is a force.
/// 38: German dsch is j and Scheich a title (Dschamal «جمال»).
/// 39: a part's text identity is hashed eight bytes a step (FxHasher, not
/// SipHash), which rewrites the keys that carry it; no score moves.
/// 40: the mujahideen are a concept in bodies' names (Hizb-ul-Mujahideen
/// «حزب المجاهدين»).
/// 41: a generation closing a name is an ordinal (Jr. and «الابن» align,
/// Jr. and Sr. are two men).
/// 42: the letterlike symbols ℵ ℶ ℷ ℸ are read as the Hebrew letters
/// NFKC makes them, and those in Arabic letters.
/// 43: a woman's other family name (née, épouse, geb.) makes a name of its
/// own with her given names.
/// 44: Kurdish and Uyghur vowel letters are vowels: ە inside a word is
/// dropped, an opening ئ is an alef («عەلی» is «علي»); Uyghur ۈ is u, ڭ ng.
/// 45: the Maghreb's bodies in French meet their Arabic names (sûreté,
/// gendarmerie, judiciaire, «الاستعلام», «فرقة» a brigade, «لجنة» a
/// commission); counter- and anti- glued to a word are combating it.
/// 46: a presidency and an executive are concepts (Presidency of State
/// Security «رئاسة أمن الدولة»).
/// 47: free is a concept, the izafe i a stop word, and «علي» no longer the
/// stop word «على» in bodies' names (Imam Ali Brigades «كتائب الإمام علي»).
/// 48: countries of Central Asia, the Caucasus, South and South-East
/// Asia, the Balkans and Africa are place concepts, an emirate a concept,
/// and French nigérien is Niger's, not Nigeria's.
/// 49: Malay Jawi letters are their sounds (ڠ ng, ڽ ny, ݢ g, ۏ v).
/// 50: the د of «دج» is also a d of its own (Abu Dujana «أبو دجانة»,
/// Dajani «الدجاني»), not only half of a foreign j.
/// 51: a person's family name in capitals before the given names is read
/// after them (BEN ALI Ahmed Mohamed, NOM Prénom).
/// 52: a form's labelled fields are the name in reading order (Nom: BEN
/// ALI Prénom: Ahmed; «الاسم: أحمد اللقب: بن علي»).
/// 53: Sardar, Mian, Sahibzada, Ustad, Pir, Hoca and their kin are
/// titles, and so are Amir al-Muminin and Shaykh al-Islam.
/// 54: al-Sham and the Levant are also Syria (the Islamic State of Iraq
/// and Syria).
/// 55: Ben is Benjamin's short form (Ben Netanyahu), where it is a name.
/// 56: a quoted nickname is also read in place, as part of the name
/// (أبو محمد "الجولاني").
/// 57: dit, genannt, detto, conocido como, vulgo and their kin introduce
/// another name, as alias does.
/// 58: a passport's machine-readable zone and a booking's name element
/// are read given names first (TAWFIK<<MAHMOUD, TAWFIK/MAHMOUD MR).
/// 59: a booking's title glued to the given name (TAWFIK/MAHMOUDMR) and a
/// given name a passport's zone cut off are left out.
/// 60: a word's other spelling in parentheses after it is a reading of the
/// name (Maher (a.k.a. Mahir) Al-Assad, Hafez (حافظ) Makhlouf).
/// 61: the number a numbered list puts before a name is left out (1.
/// Mohammed Ali, «٣- محمد علي»).
/// 62: a name opening with a legal form (OOO, PJSC) or closing with one
/// spelled in letters (d.o.o., S.R.L.) is a body's; Ltda, Kft, Tbk,
/// Berhad and their kin are legal forms.
/// 63: a word's spellings between slashes are readings of the name
/// (Mohamed/Mohammed Ali, «محمد/محمود علي»).
/// 64: a name written in each script in one string is two names of the
/// entry («محمد علي Mohammed Ali»).
/// 65: the mother's name after a name (mother's name: Fatima, «اسم الأم»)
/// is a particular, not words or another name of the person.
/// 66: a record's fields after a name (occupation:, resident of, «يسكن»,
/// any label and colon that names no part of the name) are particulars.
/// 67: Arabic pasted from a PDF in visual order is read in logical order
/// (ﻲﻠﻋ ﺪﻤﺤﻣ, «يرصملا دمحأ»).
/// 68: a record's one-word labels Father:, Grandfather:, «الأب:», «الجد:»
/// and a middle name or patronymic are fields of the name.
/// 69: a city set apart after a person's name, a place after from or born
/// in, and a record's label with no separator before it («والدته») are
/// particulars.
/// 70: two adjacent words of an Arabic-script name are also keyed as one,
/// as a Latin spelling may join them (Alireza «علي رضا»).
/// 71: a name of no stated kind with no word of a body's is read with a
/// person's rules for a place after it and a family name in capitals
/// first (Mahmoud Tawfik (Egypt), BEN ALI Ahmed Mohamed).
/// 72: those joins are keyed only at a name's ends, with the other end's
/// word, and a name of two words joined alone (70 made them readings of
/// every word, which paired every way multiplied an Arabic name's keys
/// fivefold).
/// 73: a name of two words is not keyed joined whole (every two-word
/// Arabic name paid a key for the rare one-word Latin name).
/// 74: a title one name drops is one in the other as its last word too,
/// Arabic's family name (Messali Hadj «مصالي الحاج», HADJ Messali).
/// 75: particulars in parentheses inside a name leave the words after
/// them to the name (Ahmed (Egyptian) Ali).
pub const NAME_KEYS_VERSION: i64 = 75;

/// Blocking keys of a name, from the sound skeletons of its informative
/// parts in order: the first with the last, and, for three parts or more,
/// the first, second and last together, and for a nasab chain the first
/// with the second (the father, where a Gulf short form stops). The same
/// person written in the other script, or without the middle of the chain,
/// shares one of them; the longer key stays selective where "given +
/// family" is common. The first and the last go in either order, as the
/// same two parts come in either order: family name first ("TAWFIK
/// Mahmoud"), or an Arabic organisation's noun before its adjective
/// («الاتحاد الأوروبي», "European Union"); a body's own words pair in any
/// order.
///
/// An organisation also has a key for each word that names it rather than
/// translates (its sound skeleton, not a concept), alone: one script often
/// romanises a word the other translates («كتائب حزب الله», Kata'ib
/// Hizballah), or leaves out a type word (جماعة أنصار الإسلام, Ansar
/// al-Islam), so the first and last words differ while the name is the same.
pub fn name_keys(kind: NameKind, value: &str) -> Vec<i64> {
    let parsed = jisr_names::parse(value, kind);
    // each part's key with its other readings (a Latin part's Turkish one)
    let parts: Vec<Vec<String>> = jisr_names::key_readings(&parsed)
        .into_iter()
        .map(|r| r.into_iter().map(sibilants_as_one).collect())
        .collect();
    let tag = format!("name:{}", kind.as_str());
    let either_order = |a: &String, b: &String| {
        let (x, y) = if a <= b { (a, b) } else { (b, a) };
        key_of(&tag, &format!("{x}+{y}"))
    };
    let mut keys = Vec::new();
    let mut add = |k: i64| {
        if !keys.contains(&k) {
            keys.push(k);
        }
    };
    match parts.as_slice() {
        [] => {}
        [only] => only.iter().for_each(|o| add(key_of(&tag, o))),
        [first, last] => {
            for (a, b) in pairs(first, last) {
                add(either_order(a, b));
            }
        }
        [first, second, .., last] => {
            for (a, b) in pairs(first, last) {
                add(either_order(a, b));
            }
            for (a, b) in pairs(first, last) {
                for s in second {
                    add(key_of(&tag, &format!("{a}+{s}+{b}")));
                }
            }
            // a chain's short form stops at the father (Mohammed bin
            // Rashid for «محمد بن راشد آل مكتوم»)
            if parsed
                .parts
                .iter()
                .any(|p| p.role == jisr_names::Role::Nasab)
            {
                for (a, b) in pairs(first, second) {
                    add(either_order(a, b));
                }
            }
        }
    }
    // two words at an end of an Arabic-script name keyed as one, as a
    // Latin spelling joins them (Alireza «علي رضا»), with the other end's
    // word
    let joins = jisr_names::end_joins(&parsed);
    let ours = |j: Vec<String>| j.into_iter().map(sibilants_as_one).collect::<Vec<_>>();
    let (start, end) = (ours(joins.start), ours(joins.end));
    if let [first, .., last] = parts.as_slice()
        && let (Some(a), Some(b)) = (first.first(), last.first())
    {
        start.iter().for_each(|j| add(either_order(j, b)));
        end.iter().for_each(|j| add(either_order(a, j)));
        pairs(&start, &end).for_each(|(x, y)| add(either_order(x, y)));
    }
    // and a person's first and last words by their coarse sounds, which
    // meet where one language's letter is another's habit
    if kind != NameKind::Organization
        && let [first, .., last] = parts.as_slice()
        && let (Some(a), Some(b)) = (first.first(), last.first())
    {
        let (a, b) = (coarse(a), coarse(b));
        let (x, y) = if a <= b { (a, b) } else { (b, a) };
        add(key_of(&tag, &format!("~{x}+{y}")));
    }
    if kind == NameKind::Organization && parts.len() > 1 {
        // languages order a body's words each their own way (Central Bank
        // of Egypt, «البنك المركزي المصري»): any two of its own words
        // block, but not a word for its kind (bank), which every such body has
        for (i, x) in parts.iter().enumerate() {
            for y in &parts[i + 1..] {
                for (a, b) in pairs(x, y) {
                    if !jisr_names::is_kind_key(a) && !jisr_names::is_kind_key(b) {
                        add(either_order(a, b));
                    }
                }
            }
        }
        // one-letter skeletons (Ali's L) would block with everything
        for p in parts
            .iter()
            .flatten()
            .filter(|p| p.starts_with("s:") && p.len() > 3)
        {
            add(key_of(&tag, p));
        }
    }
    // a body written as its acronym meets the bodies whose words spell it
    // (OPEC), which share no sound
    for letters in jisr_names::acronym_keys(&parsed) {
        add(key_of(&tag, &letters));
    }
    keys
}

/// A sound key with z read as s: Arabic writes a Latin s between vowels
/// as ز (Theresa «تيريزا», Josep «جوزيب») and a German z as «تس» (Scholz
/// «شولتس»), which the index meets through near keys and exact blocking
/// would not.
fn sibilants_as_one(key: String) -> String {
    if key.starts_with("s:") && key.contains('Z') {
        key.replace('Z', "S")
    } else {
        key
    }
}

/// A sound key with the consonants some languages write for others' as
/// one: h and kh as k (Spanish j and g for خ, Joaquín «خواكين»; the
/// Russian g and kh for ح, Magomed «محمد»), w as b (the Polish and German
/// w Arabic writes ف, Wilders «فيلدرز»), and no y (Slavic and Nordic j,
/// Iohannis «يوهانيس»). A blocking key of its own: read so, many more
/// names meet (+15 % candidate pairs among 50,000 persons), which the
/// scorer tells apart.
fn coarse(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    for c in key.strip_prefix("s:").unwrap_or(key).chars() {
        let c = match c {
            'H' => 'K',
            'W' => 'B',
            'Y' => continue,
            c => c,
        };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Every reading of one part with every reading of another.
fn pairs<'a>(a: &'a [String], b: &'a [String]) -> impl Iterator<Item = (&'a String, &'a String)> {
    a.iter().flat_map(move |x| b.iter().map(move |y| (x, y)))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
