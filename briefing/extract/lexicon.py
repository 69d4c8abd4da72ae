"""Word lists the extraction heuristics share: cue verbs, titles, honorifics, stop words."""

import re
from collections.abc import Iterable
from typing import Any


def word_set(spaced: str) -> frozenset[str]:
    """A word set written as one space-separated string (keeps the lists compact)."""
    return frozenset(spaced.split())


# Every uppercase letter Python knows, as a regex class body: names in news copy carry
# accents (Zelenskyy, Müller, Ólafsson) and `re` has no \p{Lu}.
UPPER = "".join(sorted({chr(c) for c in range(0x4FF + 1) if chr(c).isupper()}))
UPPER_CLASS = "[" + "".join(ch if ch.isalnum() else "\\" + ch for ch in UPPER) + "]"

# Verbs and phrases that introduce or close a quotation (issue: cue verbs, either order).
CUE_WORDS = word_set(
    "radioed messaged signalled signaled "
    "praised hailed welcomed condemned criticised criticized slammed blasted dismissed "
    "rejected lauded decried denounced mocked ridiculed thanked praises hails welcomes "
    "condemns criticises criticizes dismisses rejects "
    "snapped texted emailed sighed laughed screamed yelled murmured muttered underlined "
    "underscored highlighted reckoned estimated advised instructed ordered proclaimed swore "
    "threatened bragged grumbled protested objected contended maintained asserted alleged "
    "charged confessed denied repeated echoed retorted answered interjected teased hinted "
    "speculated questioned queried begged implored appealed recounted elaborated clarified "
    "adds warns argues insists explains recalls notes "
    "accused accuses labels labelling labeling dubs "
    "acknowledging admitting alleging conceding declaring denying suggesting "
    "acknowledged acknowledges added adding adds admits admitted agreed agrees announced "
    "announces argued argues arguing asked asking asks boasted branded called calling calls "
    "cautioned cautions chanted claimed claiming claims commented comments complained "
    "complains conceded concedes concluded confirmed confirms continued continues countered "
    "counters cried declared declares demanded demands described describes describing "
    "disclosed dubbed emphasised emphasises emphasized emphasizes exclaimed explained "
    "explaining explains insisted insisting insists joked jokes labeled labelled lamented "
    "mused noted notes noting observed observes pleaded pledged pledges posted predicted "
    "predicts promised promises quipped recalled recalling recalls reiterated remarked "
    "remarks replied replies responded responds revealed reveals said say saying says "
    "shouted shouting shouts stated states stressed stresses stressing suggested suggests telling "
    "tells termed testified told tweeted urged urges urging vowed vows warned warning warns "
    "whispered wondered wonders writes writing wrote"
)
CUE_PHRASES = (
    "according to", "pointed out", "went on", "goes on", "quoted as saying", "put it",
    "summed up", "in the words of", "paid tribute to", "pays tribute to",
    "declined to", "refused to",
)  # fmt: skip

HONORIFICS = {
    "mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f",
    "dr": None, "dr.": None, "prof": None, "prof.": None, "professor": None,
    "sir": "m", "dame": "f", "lord": "m", "lady": "f", "baroness": "f", "baron": "m",
    "madam": "f", "mme": "f", "mme.": "f", "m.": "m", "rev": None, "rev.": None,
}  # fmt: skip

# Capitalised words that are a title, not part of a person's name ("Vice President Han Zheng").
TITLE_WORDS = word_set(
    "lawmaker legislator congressman congresswoman fly-half scrum-half full-back "
    "mp mep msp mla td councilman councilwoman councilmember alderman alderwoman "
    "assemblyman assemblywoman selectman det insp supt "
    "bassist drummer guitarist vocalist frontman frontwoman keyboardist pianist violinist "
    "cellist keeper winger left-back right-back wing-back "
    "centre-back centre-half wicketkeeper batsman batter bowler jockey trainer rider "
    "cyclist boxer golfer sprinter swimmer skipper quarterback pitcher midfielder "
    "writer author artist actor actress singer musician player striker midfielder defender "
    "goalkeeper teammate nurse doctor lawyer teacher student resident activist campaigner "
    "historian novelist poet journalist reporter photographer designer chef entrepreneur "
    "investor billionaire businessman businesswoman tycoon rapper comedian presenter "
    "broadcaster pilot engineer scientist researcher strategist pollster consultant lobbyist "
    "candidate nominee incumbent veteran survivor witness owner landlord tenant farmer "
    "fisherman miner trooper sheriff marshal warden firefighter paramedic surgeon physician "
    "pharmacist dentist priest monk nun cleric pastor midwife shopkeeper mother father "
    "grandmother grandfather son daughter widow widower cousin neighbour neighbor "
    "administrator commander secretary-general director-general ombudsman treasurer "
    "commodore brigadier corporal cpl brig brig. cdr cmdr cdre pte major-general "
    "lieutenant-general lieutenant-colonel lt-col lt-gen maj-gen vice-marshal vice-admiral "
    "rear-admiral lieutenant-commander "
    "registrar provost dean principal superintendent governor-general taoiseach tánaiste "
    "acting adm adm. admiral affairs afghan african agriculture ambassador american analyst "
    "archbishop argentine asian assistant associate attorney australian austrian baron "
    "baroness belgian bishop brazilian british canadian capt capt. captain cardinal ceo "
    "chair chairman chairwoman chancellor chief chilean chinese cllr coach col col. "
    "colombian colonel commerce commissioner conservative constable councillor croatian "
    "crown cuban culture czech dame danish defence defense democrat democratic deputy "
    "detective director downing dr dr. dutch economist economy education egyptian emir "
    "emirati energy english environment envoy ethiopian eu european executive father "
    "filipino finance first foreign former founder french gen gen. general german gov gov. "
    "governor grand greek green head health home house hungarian imam indian indonesian "
    "inspector interim interior iranian iraqi irish israeli italian japanese jordanian "
    "judge justice kenyan king korean kremlin labor labour lady leader lebanese liberal "
    "lieutenant lord lt lt. maj major malaysian manager mayor mexican minister miss mr mr. "
    "mrs mrs. ms ms. new nigerian norwegian officer opposition pakistani palestinian party "
    "pastor pentagon peruvian philippine polish pope premier president prime prince "
    "princess prof prof. professor qatari queen rabbi rep rep. representative republican "
    "rev rev. romanian russian saudi scottish secretary sen sen. senator senior serbian "
    "sergeant sgt sgt. shadow sheikh singaporean sir solicitor spanish speaker spokesman "
    "spokesperson spokeswoman state superintendent supreme swedish swiss syrian taiwanese "
    "thai tory trade transport treasury turkish u.s. uk ukrainian un us venezuelan vice "
    "vietnamese welsh white zealand"
)

# Words that mark a capitalised run as an organisation or place, never a person.
ORG_WORDS = word_set(
    "industry commerce business enterprise enterprises retail manufacturing "
    "beach park forest bay hill hills heights canyon desert peninsula cape harbour harbor "
    "field fields garden gardens lane drive terrace grove row boulevard highway motorway "
    "airfield base camp prison jail cathedral mosque temple synagogue abbey castle fort "
    "federation confederation chamber society initiative programme program project systems "
    "technologies industries airways railways media studios records labs pharmaceuticals "
    "oil gas petroleum mining steel foods brands stores communications telecom solutions "
    "consulting ventures equity securities insurance healthcare water power electric "
    "university institute academy clinic labour labor caucus "
    "administration afp agence agency airlines airport alliance amazon ap apple arena army "
    "assembly association authority avenue award bank bbc board bridge brigade bureau "
    "capital center central centre championship church city club cnn coalition coast "
    "college command commission committee company conference congress cooperation corp "
    "corporation corps council county court cup day department district east economic "
    "energy exchange facebook fed federal festival force forces fort forum foundation front "
    "fund gallery games global google government group group's guard gulf hall holdings "
    "hospital hotel house inc index institute international island islands journal kingdom "
    "lake las league llc los ltd mall market meta microsoft ministry motors mount mountain "
    "movement museum national nations nato navy network new news north ocean office opec "
    "organisation organization palace parliament partners party plc police port post press "
    "prize province region republic reserve reuters river road saint san santa school sea "
    "security senate service services south square st st. stadium state's states station "
    "stock strait street summit theater theatre tiktok times tower town trust twitter union "
    "united university valley village week west xinhua year "
    # firms named by their trade: "High Mesa Homes", "ESB Networks"
    "networks markets materials homes builders construction roofing plumbing guttering "
    "logistics railway railroad sports radio studies"
)

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Capitalised words that open sentences or clauses and are never names.
# Time zones and clock abbreviations ("15:31 GMT", "7 PM"): never a name nor a body.
TIME_ZONES = word_set(
    "am pm gmt bst utc cet cest eet eest wet ist jst kst aest aedt nzst est edt cst cdt mst "
    "mdt pst pdt akst hst"
)
# An AP party-and-state tag after a name ("Sen. Jo Ruiz, D-Calif., said"): no name either.
PARTY_STATE = re.compile(r"(?:D|R|I|Ind)-[A-Z][A-Za-z.]*")

STOP_CAPS = (
    word_set(
        "nearby elsewhere separately afterwards afterward overnight finally additionally "
        "similarly likewise nonetheless nevertheless moreover furthermore ultimately initially "
        "eventually apparently fortunately unfortunately sadly notably indeed otherwise "
        "consequently tonight downstairs upstairs abroad "
        "outgoing incoming departing newly "
        "hundreds thousands millions dozens scores tens "
        "among amongst across along around behind beside besides beyond inside outside near "
        "following including like unlike within toward towards upon per via plus except "
        "whereas whilst once unless thanks throughout underneath beneath above below "
        "local veteran longtime retired independent fellow rival top leading prominent senior "
        "whether asked told said says meanwhile instead overall still yes no "
        "a about according additional advertisement after all already also although amid an and "
        "another apr april are as asked at aug august be because been before both but by can "
        "click copyright could currently dame dec december despite did do does dr during each "
        "earlier editing eight either even feb february few five follow for four friday from "
        "getty had has have he her here his how however i if image in instead into is it its "
        "jan january jul july jun june just lady last later let lord many mar march may "
        "meanwhile might monday more most mr mrs ms must my neither next nine no nor not nov "
        "november now oct october of on one only or other our over photo please published read "
        "related reporting saturday sep sept september seven several share she should sign "
        "since sir six so some speaking still subscribe sunday ten that the their then there "
        "these they this those though three thursday thus to today tomorrow tuesday two under "
        "updated video was watch we wednesday were what when where which while who whom whose "
        "why will with without would writing yesterday yet you your "
        # sentence adverbs ("Nearby, a father said")
        "nearby elsewhere separately afterwards afterward overnight frankly"
    )
    | TIME_ZONES
)

PRONOUNS = {"he": "m", "she": "f", "they": None, "it": None, "we": None, "i": None}

# Words that may stand between a subject and its cue verb ("Smith has also said").
AUX_WORDS = word_set(
    "again also are earlier further had has have is later often once previously privately "
    "publicly quickly recently repeatedly separately simply then then- was were will would "
    "still already reportedly currently"
)

# Lowercase role nouns and modifiers (for "White House national security adviser").
ROLE_WORDS = word_set(
    "acting activist adviser advisor ambassador analyst assistant attorney campaigner "
    "candidate captain chair chairman chairwoman chancellor chief chief's climate coach "
    "commander congressman congresswoman correspondent counsel defence defense deputy "
    "diplomat director economic economist editor envoy executive expert finance foreign "
    "former founder general governor head health interim judge lawmaker lawyer leader "
    "legislator manager mayor minister national negotiator nominee officer official "
    "organiser organizer premier president press professor prosecutor representative "
    "researcher scientist secretary security senator senior special spokesman spokesperson "
    "spokeswoman state strategist top trade vice"
)

# Words a group speaker phrase may not start or end on (they belong to the clause).
CLAUSE_WORDS = word_set(
    "added after also and are as at be because been before but by from had has have he i if "
    "in into is it on or said says she since so than that they to told was we were what "
    "when where which while who whom whose will with would"
)

# Common given names, for he/she agreement when no honorific says it.
FEMALE_NAMES = word_set(
    "joanna amina olena carolyn ruth akiko marta maria ana sofia laura sara emma hannah "
    "anna julia rose grace alice eva elena irina natalia olga svetlana tatiana yulia "
    "fatima aisha layla leila mariam noor priya anjali sunita deepa meera kavita "
    "mei ling yuki yoko keiko hiroko min ji eun lucia carmen isabel ines marta paula "
    "beatriz claudia andrea valentina camila lina nadia yasmin zainab ngozi chioma "
    "helen ellen frances clare sarah susan sally sandra tracy wendy yvonne zara freya "
    "victoria lindsey kamala liz theresa nicola ursula christine kristalina margrethe "
    "abigail alexis alice amanda amber amelia amy andrea angela ann anna anne ashley ava "
    "barbara betty beverly brenda brittany carol carolyn catherine charlotte cheryl chloe "
    "christina christine claire cynthia danielle deborah debra denise diana diane donna "
    "doris dorothy elise elizabeth ella ellie emily emma evelyn fiona frances gina giorgia "
    "gloria grace hannah heather helen hillary isabella jacinda jacqueline jane janet "
    "janice jean jennifer jessica jill jo joan joyce judith judy julia julie kamala karen "
    "karine kate katherine kathleen kathryn kayla kelly kimberly kristen kristi laura "
    "lauren linda lisa liz lori louise lucy madison margaret maria marie marilyn marine "
    "martha mary megan melissa mia michelle nancy natalie nicola nicole nikki olivia pamela "
    "patricia priti rachel rebecca ruby ruth samantha sandra sara sarah sharon shirley "
    "sophia sophie stephanie suella susan teresa theresa tulsi ursula victoria virginia "
    "yvette zoe"
)
MALE_NAMES = word_set(
    "kenji hiroshi takeshi yoshihiko shigeru kazuo fumio shinzo taro ichiro "
    "sergey sergei ivan dmitry alexei andrei mikhail nikolai oleksandr volodymyr "
    "ahmed mohammed mohamed omar yusuf ibrahim khalid hamza mustafa hassan hussein "
    "raj rahul amit arjun vikram sanjay rajesh narendra piyush "
    "pedro pablo carlos luis jorge miguel javier diego paulo joao andre francisco "
    "jean pierre francois emmanuel olaf friedrich hans klaus jurgen "
    "pieter jan lars erik anders magnus sven nils "
    "tiff derek gary simon graham tom ian mark elon jeff bill warren sundar satya tim dean "
    "kwame kofi chuck mitch adrian stephen michael andrew rishi keir ed "
    "aaron adam ahmed alan albert alexander ali andrew anthony antonio antony arthur austin "
    "barack ben benjamin bibi bill billy bobby boris brandon brian bruce bryan carl charles "
    "charlie chris christian christopher chuck dan daniel dave david dennis dmitry donald "
    "douglas dylan edward elijah emmanuel eric ethan eugene frank gabriel gary george "
    "gerald gordon gregory harold harry hassan henry jack jacob jake james jason jeffrey "
    "jeremy jerry jesse jim joe john jonathan jordan jose joseph joshua juan justin keir "
    "keith kenneth kevin kyle larry lawrence liam logan louis mark mason matt matthew "
    "michael mike mitch mohammed muhammad narendra nathan nicholas nick nigel noah olaf "
    "oliver patrick paul pedro peter philip ralph randy raymond recep richard rishi rob "
    "robert roger ronald roy russell ryan sam samuel scott sean sergei stephen steve steven "
    "ted terry thomas tim timothy tom tony tyler vincent vladimir volodymyr walter wayne "
    "william willie xi zachary"
)

# Plural and collective nouns that speak as a group ("officials said").
GROUP_NOUNS = word_set(
    "officials analysts experts critics residents police authorities witnesses protesters "
    "sources diplomats lawmakers observers officers investigators prosecutors researchers "
    "scientists economists doctors activists campaigners organisers organizers supporters "
    "opponents locals villagers workers employees parents students teachers voters fans "
    "people leaders ministers sides ministry government spokesperson spokesman spokeswoman "
    "statement company firm department agency military army office embassy court "
    "administration party campaign group council committee team club board union "
    "commission report study survey organisation organization bank regulator "
    "prosecutors lawyers attorneys family relatives neighbours neighbors others"
)


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of `words` factored into a prefix tree.

    Python's `re` tries every branch of a flat alternation at every position; a tree
    fails after one character almost everywhere (issue: >= 2 MB/s).
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branch(trie)


def _branch(node: dict[str, Any]) -> str:
    alts = [re.escape(ch) + _branch(child) for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


# Countries and large cities: capitalised words that are never a person or a speaker.
PLACES = word_set(
    "afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain "
    "bangladesh belarus belgium bolivia bosnia brazil britain bulgaria cambodia cameroon "
    "canada chile china colombia congo croatia cuba cyprus czechia denmark ecuador egypt "
    "england estonia ethiopia europe finland france gaza georgia germany ghana greece "
    "guatemala haiti honduras hungary iceland india indonesia iran iraq ireland israel "
    "italy jamaica japan jordan kazakhstan kenya korea kosovo kuwait laos latvia lebanon "
    "libya lithuania luxembourg madagascar malawi malaysia mali malta mexico moldova "
    "mongolia montenegro morocco mozambique myanmar namibia nepal netherlands nicaragua "
    "niger nigeria norway oman pakistan palestine panama paraguay peru philippines poland "
    "portugal qatar romania russia rwanda scotland senegal serbia singapore slovakia "
    "slovenia somalia spain sudan sweden switzerland syria taiwan tanzania thailand "
    "tunisia turkey uganda ukraine uruguay uzbekistan venezuela vietnam wales yemen "
    "zambia zimbabwe africa asia america americas antarctica arctic crimea donbas "
    "london paris berlin brussels moscow beijing shanghai tokyo seoul delhi mumbai "
    "washington york chicago boston dallas houston phoenix seattle atlanta miami detroit "
    "toronto montreal vancouver sydney melbourne dublin edinburgh glasgow manchester "
    "liverpool birmingham leeds bristol madrid barcelona rome milan vienna warsaw kyiv "
    "kiev istanbul ankara tehran baghdad damascus beirut jerusalem cairo riyadh dubai "
    "doha geneva zurich amsterdam stockholm oslo copenhagen helsinki lisbon athens "
    "nairobi lagos johannesburg singapore jakarta manila bangkok hanoi karachi lahore "
    "kabul tokyo osaka hong kong macau taipei brasilia rio lima bogota caracas havana "
    # US states, Canadian provinces and Australian states (not those that are given names,
    # such as Virginia or Carolina), with the wire abbreviations that are no words
    "alabama alaska arizona arkansas california colorado connecticut delaware florida "
    "hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland "
    "massachusetts michigan minnesota mississippi missouri nebraska nevada ohio oklahoma "
    "oregon pennsylvania tennessee texas utah vermont wisconsin wyoming hampshire jersey "
    "ontario quebec alberta manitoba saskatchewan newfoundland yukon queensland tasmania "
    "ala ariz ark calif colo conn fla kan ky mich minn neb nev okla ore tenn tex vt wis wyo"
)

# Capitalised abbreviations that are no organisation: time zones and titles.
NOT_ORG_ACRONYMS = TIME_ZONES | word_set(
    "mp mps mep msp ms mla td ceo cfo coo cto md pr qc kc obe mbe cbe"
)

# Words of ministry portfolios ("Minister of Ports, Shipping and Waterways X"): in the
# portfolio list after a title they name the office, not the person who holds it.
PORTFOLIO_WORDS = word_set(
    "affairs agriculture arts aviation borders broadcasting budget care chemicals children "
    "citizenship climate coal commerce communications communities consumer cooperation "
    "culture customs defence defense development digital disability distribution economy "
    "education electricity employment energy environment exchequer external families "
    "family fertilisers fertilizers finance fisheries food foreign forestry forests fuel "
    "gas government health heritage highways home housing immigration industries industry "
    "information infrastructure innovation intelligence interior internal justice labor "
    "labour law legal local media mines mining minorities minority natural oil pensions "
    "petroleum planning ports power procurement prosecutions public railways regional "
    "relations renewable research resources revenue roads rural science security services "
    "shipping skills social space sport sports staff state statistics steel technology "
    "telecommunications textiles tourism trade training transport treasury tribal urban "
    "veterans water waterways welfare women work works youth"
)

# Nationality adjectives: titles before a title ("German Chancellor"), but a given name
# right after one ("Energy Minister German Galushchenko").
DEMONYMS = word_set(
    "american british chinese french german russian ukrainian israeli palestinian indian "
    "japanese iranian turkish korean canadian australian mexican brazilian italian spanish "
    "polish dutch swedish norwegian danish irish scottish welsh english saudi egyptian "
    "syrian iraqi afghan pakistani nigerian taiwanese filipino vietnamese thai indonesian"
)
