"""Reading free text the way a person means it: what they like, and what they have said no to.

"I like fixing bikes but needles make me queasy" is an interest in fixing things and a deal-breaker about
needles; matching the whole sentence as an interest would do the opposite of what they asked. Text-speak and
spelling are put right first (wording.py), and facts about the person ("im in year 10", "ive got kids") are
taken out before the rest is read, so "ive got kids so no nights" is a no to nights, not to children.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field, replace

from careercompass import vocabulary
from careercompass.matching import explain, wording
from careercompass.matching.quiz import Answers
from careercompass.matching.wording import NO_SPELLING, Fix, Spelling, tidy

MAX_READ_LENGTH = 2000  # the quiz allows far less; anything longer is cut, never a slow page

CLAUSE_BREAK = re.compile(
    # "bio is alright chem is killin me": a verdict on one thing, then another thing, with no comma between.
    r"(?:(?<=\balright)|(?<=\bokay)|(?<=\bfine)|(?<=\bdecent)|(?<= is ok)|(?<= r ok)|(?<= is good)|(?<= r good))"
    r"\s+(?=[\w']+ (?:is|are|r)\b)|"
    # "someone has to do it but not me i'm happy to help": a verdict, then a new thought (speech typed by voice).
    r"(?:(?<=\bnot me)|(?<=\bnot for me))\s+(?=(?:i|i'm|i'd|i am|i would)\b)|"
    r"[.;!?\n]+|,\s*|(?<!anything)\s+\b(?:but|although|though|except|however|whereas|yet|because|cos)\b\s+"
    r"|\s+so\s+(?=(?:no|not|i|i'm|i've|can't|cannot|don't|nothing|never|definitely)\b)",
    re.I,
)
EMOJI_RUN = re.compile(r"\s*[\U0001F300-\U0001FAFF\u2600-\u27BF][\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]*\s*")
# A "no" that reaches forward: "no kids", "can't do weekends", "working with kids not old people".
FORWARD_NO = re.compile(
    r"\b(?:no|not|don'?t|doesn'?t|do not|does not|can'?t|cannot|couldn'?t|won'?t|wouldn'?t|would not|never|"
    r"without|nothing|none|avoid|rather not|haven'?t|hasn'?t|have not|has not|isn'?t|aren'?t|am not|nah|"
    r"anything but|stay away from|bad with|struggle with|no way|can'?t be (?:bothered|arsed)|not arsed|"
    # "want to work w babies, is that delulu if im rubbish at science": a no to science, not to babies
    r"(?:rubbish|terrible|crap|useless|awful|bad) at)\b",
    re.I,
)
# A feeling that covers the whole clause: "blood makes me dizzy", "scared of needles", "I hate nights".
FEELING_NO = re.compile(
    r"\b(?:hate|hates|dislike|dislikes|afraid|scared|scary|scares?|frighten\w*|phobia|queasy|faint\w*|"
    # "sick" as a feeling, not the people who are ill: "i like help sick people", "caring for the sick"
    r"(?<!the )sick(?! (?:people|ppl|patients|person|kids|children|babies|animals|folk|ones|relatives))|"
    r"squeamish|gross|grossed|allergic|terrif\w*|freak\w*|horrible|yuck|ew+|dizzy|woozy|nope|ick|icky|panic\w*|"
    r"anxious|anxiety|overwhelm\w*|puke|throw up|pass out|grim|nightmare|get stressed|stresse?s? me|heave|"
    r"stomach|(?:do|does|did|doing) my head in|gets? on my nerves|rude|annoy\w*|awkward|smell\w*|cringe|not for me|"
    r"not my thing|fall apart|can'?t cope|couldn'?t cope|wouldn'?t cope|creep(?:s|ed)?|weird(?:s|ed)? me out|"
    r"hated|hurl|freeze|nervous|nervy|awful|traumati[sz]\w*|"
    r"(?:my )?heart (?:go|goes|going|races|racing|pounds|pounding)|"
    r"(?:proper|well|really|so|too|very|dead|mega|super|way too) (?:stressful|full on|full-on|intense)|"
    r"passed out|passing out|went green|gag|gags|gagging|retch\w*|embarrass\w*|depress\w*|too much|mardy|"
    r"send me mad|(?:a )?waste of (?:money|time)|(?:get|got|had) enough of (?:that|it|them|this)|"
    r"(?:is|are|was|were)n'?t (?:my thing|for me|happening|an option)|(?:is|are|'s) a (?:hard |big |massive )?no|"
    r"(?:is|are|'s) (?:crap|rubbish|pants|trash)|"
    r"no[ -]go|off the cards|"
    # "sat at a desk all day id go mad", "i am DONE with kids", "office work is boring": a no said as a feeling.
    r"(?:i'd|id|i would|would|i'll|i will) (?:just )?(?:go|end up) (?:mad|crazy|insane|nuts|stir crazy)|"
    r"lose my mind|boring|bores me|worried (?:it'?s|its|it is|it'll|it will|that)|(?:is|are|r) killing me|"
    r"(?:i'm|i am|am|so|proper) done with|fed up (?:of|with)|had enough of|"
    r"out of the question|"
    r"(?:would|i'd|id)(?: just)? cry|wreck|what if|draw the line|never again|keel\w* over|white as a sheet|"
    # "working saturdays is the worst", not "got the worst blister"
    r"(?<!got the )(?<!had the )(?<!have the )(?<!get the )worst|"
    r"(?:is|are)n'?t (?:something|anything) (?:i'd|i would|i) (?:ever )?(?:want|like|do|fancy))\b",
    re.I,
)
# A "no" said after the thing: "taking them to the toilet no", "bodily fluids = absolutely not".
TRAILING_NO = re.compile(r"\b(?:no|nope|nah|never|absolutely not|no way|no thanks|not happening|not a chance)"
                         r"(?: either| tbh| lol| mate| though| tho)?\W*$", re.I)
# A clause that is only a verdict ("watched her wash people for years. not for me, no chance") says no to the clause
# before it.
VERDICT_ONLY = re.compile(
    r"^(?:(?:it's|its|that's|thats|that is|it is|so|just|and|but|tbh|honestly)\s+)*(?:not for me|no chance|no way|nope|"
    r"never|(?:a )?hard no|not happening|no thanks|absolutely not|not a chance|nah|no|not my thing|no ta)\W*$", re.I)
# A change of mind after a "no": "not blood tho. or maybe blood is ok i dunno" takes the no to blood back.
CHANGED_MIND = re.compile(
    r"\b(?:or maybe|maybe|actually|tbh|i guess)\b[^.!?]*?\b(?:is|are|its|it's|would be|might be|could be) "
    r"(?:ok|okay|fine|alright)\b|\b(?:is|are|its|it's) (?:ok|okay|fine|alright) (?:actually|i guess|tbh)\b", re.I)
# Something offered in place of what came before: "what if i freeze ... maybe the 999 calls side instead?"
ALTERNATIVE = re.compile(r"^\W*(?:or )?maybe\b|\binstead\b", re.I)
# The thing said to be fine: "no nights, weekends are fine" is not another example of the no.
SAID_OK = re.compile(r"\b(?:is|are|r|its|it's)\s+(?:fine|ok|okay|alright|grand)\b", re.I)
# "old people tho i just dont know how to talk to them": a "no" after "though" is about what came before it.
CONTRAST_THEN_NO = re.compile(r"\b(?:tho|though)\b", re.I)
# Sayings that mention a limit's word without meaning it: "they'd drive me mad" is not about driving.
IDIOMS = re.compile(r"\bdrives? (?:me|us|you) (?:mad|crazy|nuts|up the wall|round the bend|insane)\b", re.I)
# A preference that rules the other thing out: "i'd rather work with young people than oldies".
RATHER_THAN = re.compile(r"\brather\b.*?\bthan\b", re.I)
# Pieces of putting up with something, shared by NOT_A_NO and TOLERANCE below.
_WOULD_NOT = r"(?:don'?t|do not|wouldn'?t|would not|doesn'?t|does not|never)"
_NOT_VERY = r"not (?:too |that |really |even |at all )?"
_UNBOTHERED = r"bothered|scared|afraid|squeamish|fussed|worried|phased|fazed"
_DOES_NOT_BOTHER_ME = r"(?:doesn'?t|does not|don'?t|do not|won'?t) (?:bother|scare|worry|gross|phase|faze|upset) me"
# Said with a "no" in it, but not a no: "I don't mind blood", "not bad at science", "needles don't bother me".
NOT_A_NO = re.compile(
    rf"\b(?:{_WOULD_NOT} (?:mind|care|panic|get stressed|faint|freak out|get (?:scared|squeamish|queasy|grossed out))|"
    rf"{_NOT_VERY}(?:bad|{_UNBOTHERED}|stressed|a problem|an issue)|no (?:problems?|worries|bother|issues?)|"
    rf"{_DOES_NOT_BOTHER_ME}|"
    r"no two days|can'?t wait|can'?t get enough|not only|(?:i )?(?:don'?t|do not) know|"
    # Said to someone in the room, caught by voice typing: "no not you Tyler, this is for the careers thing".
    r"no,? not (?:you|u)\b|"
    # Someone else's fear or difficulty, which they want to help with: "help people that are scared of the dentist",
    # "help people who cant walk", "help people with their mental health like anxiety".
    r"(?:people|kids|children|patients|others|those|them|ones|someone|somebody) (?:that|who) (?:are|get|feel) "
    r"(?:scared|afraid|frightened|nervous|anxious|worried)|"
    r"(?:people|kids|children|patients|others|those|them|ones|someone|somebody) (?:that|who) (?:can'?t|cannot|"
    r"couldn'?t|don'?t|do not|won'?t|aren'?t|are not|isn'?t|is not)|"
    r"help\w* (?:[\w']+ ){0,4}(?:with|through) (?:[\w']+ ){0,4}?(?:anxiety|anxious|panic\w*|stress\w*|depress\w*|"
    r"fears?|phobias?|nerves|worries)|"
    # "looks sick", "that's sick": slang for great, not feeling ill.
    r"(?:looks?|sounds?|that'?s|is|are|r|well|proper|so|dead|pretty|actually|bare) sick|"
    # "can bang out 200 covers on a sat no stress": easily; "do hospital kitchens pay more or nah": a question.
    r"(?:can|could)(?!'|n'?t)\b[^,.;!?]*\bno stress\b(?!\W*(?:pl[sz]|please|thanks|ta)\b)|or (?:nah|not|no)\W*$)",
    re.I,
)
# Facts about the person, read for their stage and then set aside: not likes, not deal-breakers.
AGE = re.compile(
    r"\b(?:i'm|i am|am|aged|age)\s+(?:only |just |nearly |almost |turning )?(\d{1,2})\b"
    r"(?!\s*(?:%|hours?|hrs?|pounds|quid|k\b|minutes?|mins?|am\b|pm\b|"
    r"o'clock|foot|feet|ft\b|cm\b|kg\b|stone|st\b))(?:\s*(?:years? old|yrs? old|yo|y/o))?"
    r"|(?<!\ba )(?<!\ban )\b(\d{1,2})\s*(?:years? old|yrs? old|yo|y/o|year-old)\b"  # "got a 2 year old" is a child
    r"|^\W*(\d{2})(?=\s*,)"  # said first on its own: "21, got a 2 yr old"
    r"|\b(?:just )?turned (\d{1,2})\b"
    # Said as where they are now, at the start of a sentence: "17 now".
    r"|(?:^|(?<=[.,;!?] )|(?<=[.,;!?]))(\d{1,2}) now\b"
    # Turning that age soon: "16 in march", "18 next month".
    r"|^\W*(\d{1,2}) (?:in|on|next|this) (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|month|week|summer|spring|"
    r"autumn|winter)\w*\b",
    re.I,
)
SCHOOL_YEAR = re.compile(r"(?:\b(?:i'm |i am )?(?:in )?(?:year|yr)\s?(7|8|9|10|11|12|13)\b|\by(7|8|9|10|11|12|13)\b)"
                         # and the school's name: "year 10 at cockburn" does not ask for work at a school
                         r"(?: at (?!a\b|an\b|the\b|my\b|work\b)[a-z']+(?: (?:school|academy|high|college))?)?",
                         re.I)
# A school year told as the past ("i passed out at my jabs in year 8", "back in year 9") is not where they are now.
TOLD_AS_PAST = re.compile(r"\b(?:was|were|had|did|went|got|passed|fainted|failed|started|moved|used to|back in|"
                          r"since|wanted|last year|ago)\b", re.I)
LEFT_EDUCATION = re.compile(
    r"\b(?:i(?:'ve| have)? )?(?:left|finished|quit|dropped out of)(?: of)? (?:school|college|sixth form|education)\b"
    r"(?: (?:last|this) (?:summer|year|month|week|christmas|easter|june|july)| in (?:may|june|july|the summer))?"
    r"(?: after (?:a|one|the first|1|a few|2|two) (?:terms?|years?|months?|weeks?))?"
    r"|\b(?:i'm |i am )?not (?:in|at|doing) (?:school|college|education|sixth form)\b"
    r"|\bdropped out\b|\bneet\b|\bout of (?:school|education)\b"
    r"|\b(?:done|finished) with (?:school|college)(?: after (?:my )?gcses)?\b"
    r"|\bleft (?:in|at|after|before) (?:jan|feb|march|april|may|june|july|aug|sept|oct|nov|dec|christmas|easter|"
    r"the summer|half term|year \d+)\w*\b",
    re.I,
)
# A course left, not a wish for it or an answer to the study question: "dropped out of nursing at uni last year".
COURSE_LEFT = re.compile(
    r"\b(?:(?:dropped out|dropping out) of|(?:quit|left)(?: of)?) "
    r"(?:university|uni|(?:my |a |the )?(?:\w+ ){0,2}(?:course|degree|apprenticeship)|nursing|medicine|midwifery"
    # "my level 3 health n social", "my btec in sport"
    r"|(?:my |a |the )?(?:level \d|btec|t level|a levels?)(?: in)?(?: (?!at\b|in\b)\w+){0,4})"
    r"(?: (?:at|in) (?:university|uni|college|beckett|(?:leeds )?(?:\w+ )?college|leeds \w+)\b)?"
    r"(?: (?:in|after) (?:the |my )?(?:1st|2nd|3rd|first|second|third) year)?(?: \([^)]*\))?"
    # and why, said straight after: "dropped out of my level 3 in 2nd year, mental health"
    r"(?:,? (?:because of |cos of |due to |with )?(?:my )?(?:mental health|anxiety|depression|health reasons|"
    r"money|family stuff|family reasons)\b)?",
    re.I,
)
AT_COLLEGE = re.compile(r"\b(?:i'm|i am) (?:at|in) (?:college|sixth form)\b|\b(?:doing|studying) (?:my )?a levels?\b"
                        # Said first, it is where they are: "at leeds city college 3 days a week so...".
                        r"|(?:^|(?<=[,.;!?]))\s*(?:at|in) (?:[a-z]+ ){0,3}(?:college|sixth form)\b(?: \d \w+ a week)?",
                        re.I)
AT_SCHOOL = re.compile(r"\b(?:i'm|i am) (?:at|in) (?:school|secondary school|high school)\b|\bdoing (?:my )?gcses\b"
                       r"|\b(?:leaving|leavin|leave|finishing|finish) (?:school )?(?:in|this) "
                       r"(?:june|july|may|summer)\b", re.I)
HAVE_CHILDREN = re.compile(
    r"\b(?:i(?:'ve| have)(?: got)?|i got|i have|got|i'm a|i am a)\s+(?:a |an |one |two |three |\d+ |little |young |"
    r"my own |own )?(?:kids?|children|child|baby|babies|sons?|daughters?|toddlers?|little ones|mum|dad|parent)\b"
    r"|\bmy (?:kids|children|son|daughter|baby|little ones|lil man|little man|lil one|little one)\b"
    r"(?: (?:is|are) \d+\b| (?:starts?|goes?|go) (?:to )?(?:nursery|school|reception)\b(?: in \w+)?)?"
    r"|\b(?:single )?(?:mum|dad|parent) of \w+\b|\bsingle (?:mum|mam|dad|parent)\b"
    # Said as a bare fact at the start of a clause: "23, 2 kids, been at home with them".
    r"|(?:^|(?<=[,.;!?] )|(?<=[,.;!?]))(?:\d|one|two|three|four) (?:kids|children)\b"
    r"|\bwith (?:\d|one|two|three|four) (?:kids|children)\b(?:,? \d+ and \d+\b)?"  # "im 23 with two kids, 4 and 1"
    r"|\b(?:i(?:'ve| have)(?: got)?|i got|got|i have) an? \d+ (?:year|yr|month)s? old\b"
    r"|\b(?:i(?:'ve| have)(?: got)?|i got|got|i have) twins\b(?: who are \d+)?"
    r"|\b(?:i(?:'ve| have)(?: got)?|i got|got|i have) a little (?:girl|boy|one|lad)\b"
    # Their child's nursery or school is not a wish for work there: "they start nursery in september".
    r"|\b(?:they|he|she|my (?:kids|son|daughter|twins|little one|little girl|little boy|lil man|little man|lil one)"
    r"|(?:my |the )?(?:youngest|eldest|oldest)) (?:start|starts|go|goes|"
    r"are at|is at|go to|goes to) (?:nursery|school|reception|preschool)\b(?: in \w+)?"
    # Their child's nursery or school and its hours: "her nursery shuts at 6".
    r"|\b(?:his|her|their) (?:nursery|school|childminder)\b(?: (?:shuts|closes|finishes|opens|starts) at \d+\w*)?",
    re.I,
)
# Expecting a baby, a fact about them and not an interest: "19 n 6 months pregnant" does not ask for a midwife's job.
PREGNANT = re.compile(r"\b(?:i'm|i am|am|and|currently|now|\d{2})\s+(?:\d+ (?:months?|weeks?) )?pregnant\b"
                      r"|\b(?:expecting|having) (?:a|my first|my|our) baby\b"
                      r"|\b(?:expecting|due|baby due) (?:in|at the end of|next) (?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
                      r"oct|nov|dec|month|year|spring|summer|autumn|winter)\w*\b"
                      r"|\b(?:for |when |once )?after (?:the|my) baby(?: is born| comes| arrives)?\b"
                      r"|\bon maternity(?: leave)?\b", re.I)
# A course finished or a benefit claimed: facts about where someone is, not work they like. Read as a liking,
# "finished my level 2 health n social at college" put public health campaigns first for someone who wants a care job.
COURSE_DONE = re.compile(r"\b(?:with|got|getting) (?:mostly |all |a few |some )?(?:[1-9]s|grade [1-9]s?)"
                         r"(?: and [1-9]s)?\b"
                         r"|\b(?:i )?(?:have |'ve )?(?:finished|done|did|passed|got|completed) (?:my |a |the )?"
                         r"(?:level \d|l\d|btec|nvq|gcses?|a levels?|diploma|certificate|course)(?: in| on)?\b"
                         r"|\bat (?:college|school|sixth form) (?:in (?:jan|feb|march|april|may|june|july|aug|sept|oct|"
                         r"nov|dec)\w*|last year)\b", re.I)
ON_BENEFITS = re.compile(r"\b(?:been |i'm |i am |am |currently )?(?:on|claiming|getting) (?:uc|universal credit|"
                         r"benefits|jsa|job ?seekers?(?: allowance)?|the dole|esa)\b(?: since| for \w+ \w+)?", re.I)
# Where someone has come from: leaving care, a record, caring for family. Facts, never interests: "just left care"
# is not a wish for care work, and "on licence" is not a driving licence.
LIFE_FACTS = re.compile(
    r"\b(?:just )?(?:left|leaving) care\b|\bcare leaver\b"
    # "in care" is where they grew up; "3 yrs in care" is work they have done.
    r"|(?<!yrs )(?<!years )(?<!months )(?<!year )(?<!month )"
    # "a job in care" and "working in care" are the work itself
    r"(?<!job )(?<!jobs )(?<!work )(?<!working )(?<!career )(?<!something )(?<!summat )\b(?:in|from) (?:foster )?care\b"
    r"|\b(?:in|at) (?:a |the )?supported (?:hostel|housing|accommodation|lodgings)\b(?: in \w+)?"
    # A car of their own is a way to get to work, not a love of cars: "happy to train, i do have a car"
    r"|\b(?:i )?(?:do |also )?(?:have|got|own|'ve got|have got) (?:a|my own|me own) car\b"
    r"|\b(?:on|doing) (?:the|a) (?:youth )?(?:employment|jobs?|work) (?:programme|program|scheme)\b"
    r"|\bmy (?:pa|personal adviser|social worker|key worker|support worker|youth worker|probation officer)\b"
    r"|\b(?:got|have|in|moved into) (?:my own|a|me own) (?:flat|house|place)(?: in \w+)?\b"
    r"|\b(?:back at|back in|living at|living with|live with|live at|moved back to|back with|staying at) (?:my|me) "
    r"(?:mum|mam|dad|nan|gran|nana|auntie|aunt)'?s?(?: house| place)?(?: in \w+)?\b"
    r"|\b(?:i )?(?:now |still )?(?:live|living) (?:in|near|round|up) (?!a\b|an\b|the\b|care\b|hospital)\w+\b"
    r"|\b(?:i )?(?:came|come|moved|arrived) (?:to|over to|in) (?:the )?(?:uk|england|britain|leeds)\b"
    r"(?: \d+ (?:months?|years?|weeks?) ago)?(?: from \w+)?(?: \d+ (?:months?|years?|weeks?) ago)?"
    r"|\b(?:i )?(?:study|studying|doing|learning) (?:esol|english)(?: at (?:college|\w+ college))?\b"
    r"|\b(?:i'm |i am )?(?:doing|studying|resitting) (?:my )?(?:functional skills|english and maths|maths and english|"
    r"gcse resits?|resits?)(?: (?:at|in) (?:the )?\w+(?: in \w+)?)?(?: right now| now| at the moment)?\b"
    # A GCSE failed and taken again, told by them or about them: "failed his maths GCSE and is resitting at college"
    r"|\b(?:failed|resitting|re-sitting|retaking|redoing) (?:my|me|his|her|their) (?:maths|english|science)"
    r"(?: and (?:maths|english))? gcses?(?: and (?:is |am |i'm )?(?:resitting|retaking)(?: it| them)?"
    r"(?: (?:at|in) (?:college|sixth form|school))?)?\b"
    r"|\b(?:i(?:'ve| have)(?: got)?|i got|got) (?:\d+|two|three|four|five|six|loads of) "
    r"(?:little |younger |older |big )?"
    r"(?:brothers|sisters|siblings)(?: and (?:brothers|sisters))?\b"
    r"|\b(?:my|me) (?:mum|mam|dad|nan|gran|nana|grandma|grandad|brother|sister)(?:'?s| is| was| has been)? "
    r"(?:poorly|ill|sick|bad|in hospital)(?: again)?\b"
    r"|\b(?:my|me) (?:\w+ ){0,2}(?:died|passed away)\b(?: (?:in|at) (?:a |the )?(?:care home|hospital|hospice|home))?"
    r"(?: (?:last|this) (?:year|month|week|summer|christmas)|\s\w+ (?:years?|months?) ago)?"
    r"|\b(?:no|got no|have no|haven't got|can't get|can't afford) (?:childcare|child care|babysitter)\b"
    r"|(?<!n't )(?<!not )(?<!never )(?<!dont )\b(?:i(?:'ve| have)(?: got)?|i got|got) (?:my|me|a) (?:full )?"
    r"(?:driving )?licen[cs]e\b|(?<!n't )\bi can drive\b"
    r"|\b(?:out )?on licen[cs]e\b|\b(?:in|inside) (?:prison|jail|custody)\b|\bcriminal record\b"
    r"|\b(?:got|have) a record\b|\bon probation\b"
    r"|\b(?:been |stayed |staying )?(?:at )?home with (?:them|the kids|my kids|the baby|my baby|my little one)"
    r"(?: (?:for )?\d+ (?:years?|months?))?(?: in \w+)?(?: since (?:i was )?\d+)?"
    r"|\b(?:got|was|been) arrested\b(?: (?:at|when i was) \d+)?(?: for (?:\w+ )?(?:stuff|things|fighting|robbery|theft|"
    r"shoplifting|drugs|weed))?|\b(?:was |been )?on (?:a )?(?:referral|youth rehabilitation) order\b(?: and all that)?"
    r"|\b(?:got |was |been )?in trouble with the police\b"
    r"|\b(?:just )?(?:come|came|got) out(?: of (?:jail|prison|the nick|custody))?(?: after \d+ \w+)?\b"
    r"|\b(?:i )?(?:care for|look after|looking after|caring for) (?:my|me) (?:mum|mam|dad|nan|gran|nana|grandma|"
    r"grandad|brother|sister|little brother|little sister)(?: at home)?\b", re.I)
# The cause of a limit: "i cant do weekends cos of football" gives the reason for a no, not a wish to play football.
BECAUSE_OF = re.compile(r"\bbecause of (?:my |me |the |our )?[\w']+(?: [\w']+)?\b", re.I)
# How they get about, a fact and not an interest: "needs to be on the bus route" does not ask for transport work.
GETTING_ABOUT = re.compile(r"\b(?:on|near|off) (?:a|the) bus (?:route|stop|line)\b|\b(?:get|getting|catch|catching) "
                           r"(?:the |a )?bus(?:es)?\b(?: everywhere| to (?:work|college|school|town)| into town)?"
                           r"|\bby bus\b|\bon the bus\b"
                           # A bad day with the buses: "bus was late AGAIN", "the bus never came", "buses are a joke"
                           r"|\b(?:the )?bus(?:es)?\b[^.,;!?]{0,30}?\b(?:late|never (?:came|come|turned up|showed)|"
                           r"didn'?t (?:come|turn up|show|stop)|drove (?:straight )?past|cancelled|a joke|rammed|"
                           r"packed)\b"
                           r"[^.,;!?]*?(?=\s(?:so|but)\b|[.,;!?]|$)", re.I)
# Panic or worry at busy, loud or tense times, said of themselves: a no to the most stressful work. "i get panic
# attacks when stuff kicks off" is read as a condition (set aside) and this limit, never as "stuff kicks off" liked.
STRUGGLES_WHEN = re.compile(
    r"\b(?:panic attacks?|panic|anxiety|anxious|stressed|overwhelmed|meltdowns?|shut ?downs?|freeze|freak out)\b"
    r"[^.,;!?]{0,25}?\b(?:when|if|whenever) (?:stuff|things|it|everything|everyone|people|someone|it'?s|its|"
    r"it is|there'?s)\b[^.,;!?]{0,20}?"
    r"(?:kicks? off|gets? (?:busy|hectic|loud|intense|tense|too much|stressful|crazy|mad|serious)|goes? wrong|"
    r"shouts?|shouting|is busy|are busy|rushed|loud|noisy|hectic|chaotic|chaos)"
    r"(?:\s+(?:and|or)\s+(?:stressful|busy|hectic|loud|noisy|chaotic|tense|intense|rushed))*"
    r"(?:[^.,;!?]{0,30}?\b(?:shouting|screaming|kicking off))?", re.I)
# Too young for most paid work and wanting some now: "im only 14 but i wanna start doin summat now like on saturdays"
# asks for jobs open at 16 or younger, the same as "a saturday job". At 17, wanting work now or having left school or
# college asks for jobs open at 17: most care jobs take people from 18.
YOUNGEST_PAID_AGE = 16
LEAVING_YEAR = 11  # the last school year: most leave it at 16
APPRENTICESHIP = re.compile(r"\bapprenticeships?\b", re.I)
# The limit for someone of this age or younger who wants work now ("over-16", "over-17"), youngest first.
YOUNG_LIMITS = dict(sorted((d.oldest_start, d.id) for d in vocabulary.DEALBREAKERS if d.oldest_start))
WORK_NOW = re.compile(r"\b(?:job|jobs|work|working|start|starting|earn|earning|do something|do summat|"
                      r"doing something|help|helping)\b[^.,;!?]{0,30}"
                      r"\b(?:now|asap|straight away|right away|yet|weekends?|saturdays?|sundays?|after school)\b"
                      r"|\b(?:weekend|saturday|sunday|part[ -]?time) jobs?\b", re.I)
# A job the person has now, a fact about them: "i work part time at tesco" is not a wish for part-time hours.
HAVE_A_JOB = re.compile(r"\b(?:i|i'm|i am|currently|already) (?:work|working|do|doing|have|got) (?:a )?part[ -]?time"
                        r"(?: job)? (?:at|in|for|on) (?:a |the )?\w+"
                        # "work in primark", "been at costa 3 yrs": a shop or chain named is the job they have now.
                        r"|\b(?:(?:only |just )?(?:ever )?(?:i )?(?:work|working|worked)|(?:i'?ve )?been) "
                        r"(?:in|at|for) "
                        r"(?:a |the )?(?:" + "|".join(sorted(wording.PLACE_NAMES)) + r")\b(?:'?s)?(?: (?:in|on) \w+)?"
                        r"(?: \d+ \w+)?(?: when i was \d+)?"
                        # "n work in a warehouse in cross green": where they work now, not where they want to
                        r"|(?<!to )(?<!wanna )\b(?:i )?(?:been )?(?:work|working|worked) (?:in|at) (?:a |the )?"
                        r"(?:warehouse|factory|pub|bar|takeaway|chippy|supermarket|shop)\b"
                        r"(?: in (?!a\b|the\b)\w+(?: (?!since\b)\w+)?)?(?: since (?:a levels|school|college|\w+))?"
                        # "level 2 early years apprentice at a nursery in morley": an apprenticeship they are on now.
                        r"|\b(?:(?:i'm|i am) (?:an? )?(?:level \d )?|level \d )(?:\w+ ){0,2}apprentice (?:at|in|with) "
                        r"(?:a |an |the )?\w+(?: in \w+)?",
                        re.I)
# Words that make a clause a liking ("i like kids", "little ones are cute"), not only a mention ("my mum does nights").
# "Like" as a filler, a comparison or an example is not a liking: "they tried to take my blood like 6 times", "like i
# did", "the really poorly ones, like the cancer ward".
_LIKE_AS_FILLER = r"\d|i (?:did|was|said|do)\b"
_EXAMPLE = r"(?:the|a|an|on|in|at|when|if)\b"
LIKING = re.compile(rf"(?<!^)\blike(?!\s+(?:{_LIKE_AS_FILLER}))|^like(?!\s+(?:{_LIKE_AS_FILLER}|{_EXAMPLE}))"
                    r"|\b(?:likes|love|loves|enjoy|enjoys|adore|into|cute|great with|good with|fine with|"
                    r"(?:want|wants|wanna|would like) to (?:work|be) with)\b", re.I)
# An injury, a fact about the person that also says no to heavy lifting: "hurt my back at the gym last year".
INJURY = re.compile(r"\b(?:(?:i )?(?:hurt|injured|did|done|pulled|slipped|broke|wrecked|damaged) (?:my|me) "
                    r"|(?:i )?(?:had|have had|i've had) (?:a |an |my )?(?:op|operation|surgery) on (?:my|me) "
                    r"|(?:i )?(?:had|have had|i've had|got) (?:a |some )?(?:rods?|metal|plates?|pins?) (?:put )?in "
                    r"(?:my|me) )"
                    r"(?:back|knees?|shoulders?|disc|wrists?|neck|hip|spine)\b(?: \([^)]*\))?"
                    r"(?:[^,.;!?]*?(?=\s(?:so|and|but)\b|[,.;!?]|$))?",
                    re.I)
# A condition or disability the person has ("im autistic", "i have adhd", "i get panic attacks"): a fact about them,
# never an interest. Quoting "i'm autistic" as the reason for a music therapist's job would say they want to treat it.
# Someone else's condition is left in the words: "my brother is autistic" is often why they want the work.
_CONDITIONS = (r"autistic|autism|asd|adhd|add|dyslexic|dyslexia|dyspraxic|dyspraxia|epilepsy|epileptic|asthma|anxiety|"
               r"depression|depressed|ocd|diabetes|diabetic|learning disabilit(?:y|ies)|learning difficult(?:y|ies)|"
               r"cerebral palsy|deaf|partially sighted|hard of hearing|in a wheelchair|panic attacks|blind|"
               r"visually impaired|sight impaired|a visual impairment|a hearing impairment|sight loss|hearing loss|"
               r"mental health (?:problems|issues)|tourettes?|bpd|ptsd|cfs|fibromyalgia|crohn'?s|scoliosis|"
               r"colitis|ibs|endometriosis|lupus|sickle cell|migraines|arthritis")
CONDITION = re.compile(
    r"\b(?:i'm|i am|i have|i've got|i got|i get|i suffer with|i suffer from|i've|got)\s+(?:got\s+|really\s+|bad\s+|"
    r"registered\s+|"
    rf"mild\s+|severe\s+|a\s+)?(?:{_CONDITIONS})\b"
    r"|\b(?:my )?mental health (?:wasn'?t|was not|isn'?t|is not|hasn'?t been|has not been|was|is|has been) "
    r"(?:great|good|the best|bad|rubbish|awful|poor|not great)\b"
    # What is left of "I am 17 and autistic" once the age is read.
    rf"|(?<=,)\s*and (?:{_CONDITIONS})\b"
    # What they use to get about or to read: "i use a screen reader" is no wish to work with screens.
    r"|\bi (?:use|have|need|got) (?:a |my )?(?:screen ?reader|hearing aids?|wheelchair|guide dog|white (?:cane|stick)|"
    r"walking stick|crutches)\b",
    re.I)
# Written by someone else about the young person: a parent, carer, sibling or worker ("my son is 17 and loves science",
# "shes 15 and painfully shy", "im his leaving care PA"). Then "he" or "she" is the person the results are for: their
# age and their conditions are facts about them, as "i'm 17" and "i have adhd" are. Their words are still quoted as
# written. A writer who says what they want themselves ("my brother is autistic, i want to do her job") is not this.
_CHILD = (r"(?:son|daughter|lad|boy|girl|child|grandson|granddaughter|stepson|stepdaughter|nephew|niece|"
          r"foster (?:son|daughter|child|lad|girl))")
_SIBLING = r"(?:(?:little |younger |big |older )?(?:brother|sister))"
_THEM = rf"(?:{_CHILD}|{_SIBLING})"
# How an adult typing for a young person names them at the start: "Lad is 17", "the young person is 16".
_NAMED_THEM = r"(?:(?:the|this|our|my) )?(?:lad|boy|girl|young (?:man|woman|person|lad)|student|client|learner|pupil)"
# A brother or sister only with their age first: "my little brother is autistic, i want to..." is about the writer.
ON_BEHALF = re.compile(rf"^\W*(?:(?:hi|hello)\W+)?(?:my|our|me) "
                       rf"(?:{_CHILD}\b|{_SIBLING} (?:is|'s) \d{{1,2}}\b)"
                       rf"|^\W*(?:he|she|{_NAMED_THEM})(?:'s| is|s)\s+(?:\d{{1,2}}|in year)\b"
                       r"|\b(?:i'm|i am) (?:his|her) (?:\w+ ){0,2}(?:mum|mam|dad|carer|foster \w+|pa|personal adviser|"
                       r"support worker|key worker|social worker|teacher|nan|gran|sister|brother)\b", re.I)
WRITER_WISH = re.compile(r"\bi (?:really )?(?:want|wanna|would like|like|love|enjoy|wud like|'d like|would love)\b",
                         re.I)
THEIR_AGE = re.compile(rf"\b(?:(?:my|our|me) {_THEM}|he|she|^\W*{_NAMED_THEM})(?: is|'s|s)? "
                       r"(?:only |just |nearly )?(\d{1,2})\b"
                       r"(?! (?:hours?|years? ago|months?|weeks?|days?|times))", re.I)
THEIR_CONDITION = re.compile(
    rf"\b(?:he|she|he's|she's|hes|shes|(?:my|our|me) {_THEM})(?: (?:has|has got|got|is|'s got|is also|also has))? "
    rf"(?:got )?(?:{_CONDITIONS}|ms|me|down'?s(?: syndrome)?|a disability|disabled|a wheelchair user|"
    r"uses a wheelchair)\b(?: and (?:uses a wheelchair|is in a wheelchair))?", re.I)
# Putting up with something, said as "not bothered about blood" or "i dont mind lifting": not a no, and not a
# like either. Matching "blood" as an interest would put blood-taking jobs first for someone who only said they
# could cope with it.
TOLERANCE = re.compile(
    rf"\b(?:{_WOULD_NOT} mind|{_NOT_VERY}(?:{_UNBOTHERED})|{_DOES_NOT_BOTHER_ME}|"
    r"(?:i'm |i am |im )?(?:fine|ok|okay|alright) with|no (?:problems?|bother|issues?) with|can (?:cope|deal) with|"
    r"can handle)\b"
    # Said after the thing, at the end: "or maybe with them hoist things its fine".
    r"|\b(?:it'?s|its|it would be|it will be) (?:fine|ok|okay|alright)\s*$", re.I)
# What is left of a clause once the thing put up with is taken out: "and that either" says nothing more.
TOLERANCE_TAIL = frozenset({"that", "either", "too", "all", "it", "them", "this", "neither", "as", "well"})
# What a doubt is about ("dunno about care, pays crap"): a doubt says nothing firm either way.
_DOUBTED = r"about (?!(?:it|this|that)\b)[\w']+(?: (?:work|jobs?|stuff))?"
# Words that carry nothing to match on: "idk" alone must not be matched as something the person likes.
FILLER = re.compile(r"\b(?:i )?(?:don'?t|do not) know(?: what i want(?: to do)?| what to do| what (?:i'm|i am) "
                    rf"(?:even )?good at| {_DOUBTED})?\b(?! how\b)"
                    # Asides about themselves: "idk if thats stupid", "is it too late", "if that helps".
                    r"|\bif (?:that|it|this) (?:helps|makes sense|counts)\b"
                    r"|\b(?:if |is )(?:that'?s|that is|that|it'?s|it is|it|this is|this) (?:too late|stupid|weird|dumb|"
                    r"silly|normal|ok|okay|bad|mad|delulu|possible|a thing|realistic)\b(?: if (?:i'm|i am|im|i))?"
                    r"|\bto be honest\b|\bdoctor'?s'? orders\b"
                    rf"|\b(?:not sure|unsure) {_DOUBTED}\b"
                    # Not caring either way, which is not care work: "i dont care", "idc", "who cares".
                    r"|\b(?:i )?(?:don'?t|do not|dnt) (?:really |even )?care\b|\bwho cares\b|\bcouldn'?t care less\b"
                    r"|\bhonestly\b|\bnot sure what\b|\bseriously\b|\bwhat to (?:put|write|say)(?: here)?\b"
                    # Why they are here, not what they like: "my mum made me do this", "for my careers lesson".
                    r"|\b(?:my |me )?(?:mum|mam|dad|teacher|school|college|sir|miss) (?:made|makes|told|said|says) "
                    r"(?:me|us|i have|i had)(?: to)?(?: do)?(?: this| it| the quiz)?\b"
                    r"|\bfor (?:my |our )?careers?(?: lesson| class)?\b"
                    # Family on at them to find work, and doing nothing now: "mams on at me to get a job".
                    r"|\b(?:my |me )?(?:mum|mam|dad|parents|family)(?:'?s| is| are| keeps?)? "
                    r"(?:on at me|nagging(?: me)?|going on at me|says?|told me)(?: to)?(?: (?:get|do|find|go for))?"
                    r"(?: (?:a|an) (?:job|apprenticeship|apprentiship)| work| something)?\b"
                    r"|\b(?:been |i'm |i am )?(?:doing|doin) (?:nothing|nowt|owt)(?: now)?\b"
                    r"|\bnot doing anything(?: now)?\b"
                    # The job centre's part: "work coach said fill this in", "gotta be applying for stuff".
                    r"|\b(?:my |me |the )?(?:work coach|job coach|jobcentre|job centre|advisor|adviser) "
                    r"(?:made|makes|told|said|says)(?:[^.,;!?]{0,20}?(?:fill (?:this|it)(?: in)?|"
                    r"be applying for (?:stuff|jobs|things)|do (?:this|it)))?\b"
                    # Choosing school subjects, not work: "we pick options next wk", "what to do after".
                    r"|\b(?:picking|choosing|pick|choose|chose|picked) (?:my |our )?(?:options|gcses|subjects|"
                    r"what to (?:do|pick|study|take))(?: after| next \w+)?\b|\bwhat to (?:do|pick) after\b"
                    r"|\b(?:i'll|i will|i'd|i would) do (?:anything|owt) else\b"
                    # About filling in the box itself: "i will write here after", "brb", "ok what is next".
                    r"|\b(?:i'll|ill|i will|will|gonna|i'm gonna) (?:write|type|finish|fill|add)"
                    r"(?: (?:more|the rest|this|it|in))*"
                    r"(?: (?:here|in here|later|after|afterwards|tomorrow|soon|in a (?:min|minute|bit|sec)))+\b"
                    r"|\b(?:brb|be right back|back in a (?:min|minute|sec|bit))\b|\bwhat(?:'s| is) next\b"
                    # Where and how they are filling it in: "doing this at the kitchen table", "sorry if it goes funny".
                    r"|\b(?:i'm |im |i am )?(?:doing|filling (?:in|out)|typing|writing) this"
                    r"(?! (?:kind|sort|type|job|work|stuff)\b)(?: quiz| form| thing| bit)?"
                    r"(?: (?:at|on|in|from|during|with|for) [^.,;!?]{1,40})?"
                    r"|\bsorry if (?:it|this) (?:goes|is|looks|comes out) (?:funny|weird|wrong|messy|rubbish)\b"
                    # Hedges, which say nothing about what they like: "maybe something with computers".
                    r"|\b(?:maybe|perhaps|probably|prob|possibly|i guess|i suppose|i reckon)\b", re.I)
# A limit said without a "no": "need school hours", "monday to friday only", "too young to drive".
LIMIT_PHRASES: dict[str, re.Pattern[str]] = {
    "nights-weekends": re.compile(
        r"\b(?:school hours|9 ?(?:to|-) ?5|nine to five|mon(?:day)? ?(?:to|-) ?fri(?:day)?|weekdays? only|"
        r"only (?:on )?weekdays|only (?:in the )?day(?:time|s)?|day(?:time|s)? only|(?:weekends?|nights?) off|"
        r"free (?:weekends|evenings)|(?:weekends|evenings) free|"
        r"(?:finish|home|done) (?:by|for) (?:\d|six|five|four|three)|"
        r"bed (?:by|at) (?:\d|nine|ten)|school run|(?:drop|take|pick|get|collect|fetch) (?:my|me|our|her|him|them) "
        r"(?:\w+ )?(?:up )?(?:at|to|off at|from) (?:school|nursery)|home by (?:tea|teatime|dinner|\d)|"
        r"in every (?:night|evening)|(?:weekends|nights) are out|"
        r"(?:mosque|church|gurdwara|synagogue|temple) (?:at|on) (?:weekends|saturdays|sundays|fridays))\b", re.I),
    "heavy-lifting": re.compile(
        r"\b(?:bad back|back (?:problems?|injury|pain)|my back (?:is|was|couldn'?t|can'?t|won'?t|would)|"
        r"(?:bad|dodgy|weak|knackered|wrecked) (?:knees?|shoulders?|wrists?|joints|back)|wheelchair user|"
        r"hypermobility|manual labour|hard on (?:your|my) body|physical (?:stuff|work|jobs?)|"
        r"back'?s? (?:been |is )?(?:knackered|wrecked|bad))\b", re.I),
    "full-time": re.compile(r"\b(?:part[ -]?time|fewer hours|few hours a week|school hours|"
                            r"(?:a )?(?:few|couple of|2|3|two|three) "
                            r"days a week|flexible hours|around (?:my|me) "
                            r"(?:a levels|college|studies|course|kids)|"
                            # Work only at weekends is part-time work: "only weekends cos of school", "a saturday job".
                            r"(?:only|just) (?:at )?weekends|weekends only|saturdays only|only saturdays|"
                            r"saturday job)\b",
                            re.I),
    # A job to start at 16 or younger: "need summat i can start at 16", "a saturday job".
    "over-16": re.compile(r"\b(?:start|starting|begin|work|working|job|jobs)\b[^.,;!?]{0,20}\b(?:at|from|for) "
                          r"(?:14|15|16)\b|\bsaturday job\b"
                          r"|\b(?:for|as) (?:an? )?(?:14|15|16)[ -]?(?:year old|yr old|yo)\b",
                          re.I),
    "over-17": re.compile(r"\b(?:start|starting|begin|work|working|job|jobs)\b[^.,;!?]{0,20}\b(?:at|from|for) 17\b"
                          r"|\b(?:for|as) (?:an? )?17[ -]?(?:year old|yr old|yo)\b", re.I),
    "driving": re.compile(r"\btoo young to drive\b|\b(?:learning|learner) (?:to )?driv\w*\b|\bfailed (?:my|me|the) "
                          r"(?:driving )?test\b|\bnever be allowed (?:behind|to drive)\b|\bno licen[cs]e\b", re.I),
}
# Said in words, the quiz's "people" answer: "dont want to deal with patients" is "behind the scenes".
BEHIND_THE_SCENES = re.compile(r"\bbehind the scenes\b|\bnot (?:patient|people)[ -]facing\b", re.I)
PATIENT_WORDS = re.compile(r"\b(?:patients?|deal(?:ing)? with people|talk(?:ing)? to people|face to face|"
                           r"the public|customers?|strangers|talk(?:ing)? to strangers)\b", re.I)
# A no to people themselves: "people do my head in", "i hate people", "not a people person".
NOT_PEOPLE = re.compile(r"^(?:people|humans|ppl)\b|\b(?:hate|can'?t stand|don'?t like|do not like|not good with|"
                        r"bad with|awkward with|rubbish with|not great with) (?:people|humans)\W*$"
                        r"|\bnot (?:a|much of a) people person\b", re.I)
PATIENTS_LIMIT = "patients"
# Liking to meet people, the quiz's "lots of people": "face to face im grand", "proper people person".
MEETING_PEOPLE = re.compile(r"\bface[ -]to[ -]face\b|\bpeople person\b", re.I)
# Shy or quiet, said of themselves: the quiz's "behind the scenes", and a fact about them rather than a liking. Matched
# as words, "i'm proper shy" once gave a paramedic at major incidents "You wrote “i'm proper shy”".
SHY = re.compile(r"\b(?:i'm|i am) (?:proper |really |quite |very |a bit |dead |so |kind of |kinda )?(?:shy|quiet)\b"
                 r"(?: (?:around|with) (?:new people|strangers|people))?", re.I)
# A clause that only goes on with the one before ("hospitals scare me, the blood and stuff") shares its no.
CARRIES_ON = re.compile(r"^(?:the|and|or|nor|also|especially|plus|all the|any|or any|even)\b", re.I)
FILLER_ENDS = re.compile(r"^(?:and|or|but|with|so|also|though)\b\s*|\s*\b(?:and|or|but|with|so|also|though)$", re.I)
SHORT_JOB_NAMES = frozenset({"gp", "gps", "ot", "ots", "hca", "hcas"})  # two or three letters, and still a job
CONTENT_WORD = re.compile(r"[^\W\d_]{3,}|[^\W\d_\x00-\x7f]")  # a word, or a letter of another script

# Words that tie a "no" to one of the deal-breakers (the quiz's, and those only said in words).
DEALBREAKER_WORDS: dict[str, tuple[str, ...]] = {d.id: d.cues for d in vocabulary.DEALBREAKERS}
# Someone's own grandparent is not older people in general: "i hate hospitals since my grandma was in one".
RELATIVES = frozenset({"grandparents", "granny", "grannies", "grandad", "grandads", "grandma", "grandmas"})
_OWN = r"(?<!\bmy )(?<!\bme )(?<!\bour )"
# Full-time study is not full-time work: "not another full time course" leaves full-time jobs in.
_NOT_STUDY = r"(?! (?:course|courses|study|studying|college|uni|university|education|student))"
_CUE_PATTERNS = {
    name: re.compile("|".join(rf"{_OWN if word in RELATIVES else ''}(?<![\w&]){re.escape(word)}(?:s|es)?(?![\w&])"
                              f"{_NOT_STUDY if name == 'full-time' else ''}" for word in words), re.I)
    for name, words in DEALBREAKER_WORDS.items() if words  # some limits are only ever said without a "no"
}

# How long someone wants to study, said in words ("doing a t level in health", "apprenticeship maybe", "want to go
# to uni"): an answer to the quiz's study question, counted when that question was skipped. Only a clause that
# is not a "no" says it ("i don't want to go to uni" says nothing about which way they would go instead).
STUDY_SAID = (
    ("asap", re.compile(r"\b(?:start|starting|begin|get|working|work) (?:something |summat |a job |work |working )?"
                        r"(?:soon|asap|straight away|right away|as soon as i can|now)\b"
                        r"|\bneed a job(?: now| asap)?\b", re.I)),
    ("some", re.compile(r"\b(?:t[ -]?levels?|btecs?|apprenticeships?|nvqs?|college courses?|access courses?|"
                        r"cache (?:course|diploma|level \d)|(?:a bit of|a little|some|short) (?:training|course))\b",
                        re.I)),
    ("university", re.compile(r"\b(?:uni|university|a degree|my degree)\b", re.I)),
)
# Once read, the words about study are a fact, not an interest: "doing a t level in health" likes "health". So the
# study words go from the text, with the verb before them and the "in" or "maybe" after.
STUDY_WORDS_SAID = re.compile(
    r"(?:\b(?:i'?m |i am )?(?:(?:want to |wanna |hoping to |going to |gonna )?(?:do|doing|study|studying|"
    r"start|starting|take|taking|go to|going to|get|getting)|on|want|wanna) (?:a |an |my |the )?)?"
    r"(?:" + "|".join(pattern.pattern for _, pattern in STUDY_SAID) + r")(?: (?:in|on|maybe|probably))?\b", re.I)

# Said in words, the quiz's "physical" answer. Active words liked ("on my feet") or sitting words said as a no ("not
# sat down all day", "no desk job") are active work; the other way round is sitting, and "nothing physical" always is.
ACTIVE_WORDS = re.compile(r"\b(?:on (?:my|me|your) feet|moving about|moving around|up and about|out and about|"
                          r"active job|keeps? me active|always moving)\b", re.I)
SITTING_WORDS = re.compile(r"\b(?:sitting down|sat down|sit down|sitting still|sit still|(?:at|behind) a desk|"
                           r"desk jobs?|office jobs?)\b", re.I)
NOT_PHYSICAL = re.compile(r"\b(?:not (?:too |very )?physical|nothing (?:too )?physical|easy on my body)\b", re.I)
PHYSICAL_SET_ASIDE = "physical"
STAGE_SET_ASIDE = "stage"  # what a person can take back from what was understood, as stored in their cookie
PEOPLE_SET_ASIDE = "people"
STUDY_SET_ASIDE = "study"
EARN_SET_ASIDE = "earn"
PAY_SET_ASIDE = "pay"
# Each answer read from the words that can be taken back, and how the page names it once it has been.
ANSWERS_SET_ASIDE = {
    STAGE_SET_ASIDE: "Your age or school year",
    STUDY_SET_ASIDE: "How long you want to study",
    EARN_SET_ASIDE: "Earning while you learn",
    PAY_SET_ASIDE: "Good pay",
    PHYSICAL_SET_ASIDE: "Being active or sitting down",
    PEOPLE_SET_ASIDE: "Working with people or behind the scenes",
}
# Wanting to be paid while training, said in words: the quiz's "Earning money while I learn", not an interest.
EARN_SAID = re.compile(
    r"\b(?:(?:i )?(?:want to |wanna |would like to |like to )?(?:earn|earning|get paid|getting paid|be paid|make money)"
    r"(?: money| a wage)? (?:while|whilst|as|when) (?:i |you )?(?:learn|learning|train|training|study|studying)|"
    r"paid training|earn as (?:i|you) learn|(?:earn|earning|get paid|getting paid) at the same time|"
    # Needing a wage now: "i need to keep earning", "need money now", "cant afford to not work".
    r"(?:i )?(?:need|have|got) to (?:keep )?(?:earn|earning|get paid|work|be paid)(?! out)|"
    r"(?:i )?need (?:the |some |a )?(?:money|wage|pay ?packet|income)(?: now| asap| coming in)?|"
    r"(?:i )?(?:need|want) (?:a )?paid (?:work|job)|"
    # Said by people still learning English, or in passing: "i cannot stop work", "need keep money coming",
    # "my family need money", "smth like that but PAID pls".
    r"(?:i )?(?:can ?not|can'?t) (?:stop|quit|give up) (?:work|working|my job)|(?:need|have) (?:to )?keep (?:the )?"
    r"money coming(?: in)?(?: (?:while|when|as) (?:i |you )?(?:study|learn|train)\w*)?|"
    r"(?:my )?family needs? (?:the )?money|(?:but|only if it'?s|as long as it'?s) paid|"
    r"can'?t afford (?:to (?:not work|stop working|study|train)|uni|university|not to work))\b", re.I)
# Money that rules university out: "cant afford uni" is a wish to earn (EARN_SAID) and a no to a degree.
NO_MONEY_FOR_UNI = re.compile(r"\bcan'?t afford (?:to go to |to do )?(?:uni|university)\b", re.I)
# Wanting good pay, said in words: "bare money", "summat that pays well". The quiz's "Good pay in the end".
PAY_SAID = re.compile(
    r"\b(?:(?:good|bare|decent|big|proper|great|lots of|loads of|serious|real|high|top|mad) "
    r"(?:money|pay|wages?|salary|dosh|cash|p)|well[ -]paid|"
    r"(?:(?:something|a job|jobs?|work|anything) (?:that |which |where it )?)?pays? (?:well|good|decent|a lot)|"
    r"paid (?:well|good)|"
    r"earn (?:loads|a lot|lots|big|good money)|(?:be|get) rich|(?:make|makes|making) (?:loads|bank|a lot)|"
    # Wanting more than they get now: "want more money", "pay is pants" (said of the job they have).
    r"(?:more|better) (?:money|pay|wages?)|"
    r"(?:pay is|pays) (?:pants|rubbish|crap|bad|shit|terrible|awful|poor|low|naff))\b",
    re.I)
# The quiz's values said in words, each taken back by its own id, and how the page says each.
VALUES_SAID = {EARN_SET_ASIDE: EARN_SAID, PAY_SET_ASIDE: PAY_SAID}
VALUE_WORDS = {
    EARN_SET_ASIDE: "You told us you want to earn money while you learn, so we put first the jobs that pay you while "
                    "you train.",
    PAY_SET_ASIDE: "You told us good pay matters to you, so jobs that pay more once you are trained come higher.",
}
# How the page says a stage read from someone's words.
STAGE_WORDS = {"pupil": "at school, aged 11 to 16", "16-18": "aged 16 to 18", "19-plus": "19 or older"}
# ...how they like to work with people...
PEOPLE_WORDS = {"behind": "You would rather work behind the scenes, away from patients, so we put those jobs first.",
                "lots": "You like meeting and talking with people, so we put jobs with people all day first."}
# ...and how long they want to study: "You told us you ..."
STUDY_WORDS = {"asap": "want to start work as soon as you can",
               "some": "want to study for a year or two, at college or on an apprenticeship",
               "university": "are happy to go to university"}


def dealbreaker_key(dealbreaker: str) -> str:
    return f"no:{dealbreaker}"


def word_key(typed: str) -> str:
    return f"word:{typed}"


@dataclass(frozen=True)
class ReadText:
    likes: tuple[str, ...]  # clauses that say what the person is into
    dealbreakers: frozenset[str]  # deal-breakers said in words ("can't do weekends"), less any set aside
    dislikes: tuple[str, ...]  # negative clauses that match no deal-breaker: ignored, never matched as likes
    fixes: tuple[Fix, ...] = ()  # spelling put right ("nurce" read as "nurse")
    said: tuple[tuple[str, str], ...] = ()  # (deal-breaker, the words that said it), in the order written
    stage: str | None = None  # a "stage" answer said in words ("im in year 10": pupil)
    study: str | None = None  # a "study" answer said in words ("doing a t level": some)
    values: tuple[str, ...] = ()  # the quiz's values said in words ("need money now": earn; "bare money": pay)
    people: str | None = None  # a "people" answer said in words ("dont want to deal with patients": behind)
    physical: str | None = None  # a "physical" answer said in words ("on my feet": yes; "a desk job": sitting)
    left_education: bool = False  # "i left school", "not in college"
    about_me: tuple[str, ...] = ()  # facts set aside before reading ("ive got kids", "im 15")
    set_aside: frozenset[str] = field(default_factory=frozenset)  # what the person said was read wrongly

    @property
    def likes_text(self) -> str:
        return ". ".join(self.likes)

    @property
    def understood_anything(self) -> bool:
        return bool(self.likes or self.said or self.fixes or self.stage or self.study or self.values or self.people
                    or self.physical
                    or self.taken_back)

    @property
    def said_no_to(self) -> list[tuple[str, str, str]]:
        """(what to send to take it back, the deal-breaker's name, the words that said it), for the page."""
        return [(dealbreaker_key(name), vocabulary.DEALBREAKERS_BY_ID[name].label, words) for name, words in self.said]

    @property
    def values_said(self) -> list[tuple[str, str, str]]:
        """(what to send to take it back, how the page names it, the sentence saying what was done), for the page."""
        return [(value, ANSWERS_SET_ASIDE[value], VALUE_WORDS[value]) for value in self.values]

    @property
    def stage_words(self) -> str | None:
        return STAGE_WORDS.get(self.stage or "")

    @property
    def people_words(self) -> str | None:
        return PEOPLE_WORDS.get(self.people or "")

    @property
    def study_words(self) -> str | None:
        return STUDY_WORDS.get(self.study or "")

    @property
    def taken_back(self) -> list[tuple[str, str]]:
        """(what to send to put it back, what it was), for everything the person took back."""
        named = []
        for key in sorted(self.set_aside):
            if key.startswith("no:") and key[3:] in vocabulary.DEALBREAKERS_BY_ID:
                named.append((key, f"No to: {vocabulary.DEALBREAKERS_BY_ID[key[3:]].label.lower()}"))
            elif key.startswith("word:"):
                named.append((key, f"Your spelling of “{key[5:]}”"))
            elif key in ANSWERS_SET_ASIDE:
                named.append((key, ANSWERS_SET_ASIDE[key]))
        return named

    def filling_in(self, answers: Answers, values: bool = True) -> Answers:
        """The answers with the stage, study and "people" said in words, where the quiz's own question was skipped.

        `values`: add the values said in words too. Not for the interest letters: "bare money" is a wish about pay,
        not a leaning towards leading and selling, which the quiz's "Good pay" box counts as."""
        said = {"stage": self.stage, "study": self.study, "people": self.people, "physical": self.physical}
        missing = {question: (value,) for question, value in said.items() if value and answers.one(question) is None}
        ticked = answers.choices.get("values", ())
        added = tuple(value for value in self.values if value not in ticked) if values else ()
        if added:  # a value adds to those ticked rather than filling a gap
            missing["values"] = (*ticked, *added)
        return replace(answers, choices={**answers.choices, **missing}) if missing else answers


def read_text(text: str, spelling: Spelling = NO_SPELLING, set_aside: Collection[str] = ()) -> ReadText:
    """What the words say. `set_aside` holds what the person took back (see dealbreaker_key, word_key)."""
    set_aside = frozenset(set_aside)
    kept_words = {key.removeprefix("word:") for key in set_aside if key.startswith("word:")}
    tidied, fixes = tidy((text or "")[:MAX_READ_LENGTH], spelling, keep=kept_words)
    tidied = _emoji_ending_a_no(IDIOMS.sub("annoy me", tidied))

    courses_left, tidied = _taken(COURSE_LEFT, tidied)
    course_left = [m.group(0) for m in courses_left]
    study = None if STUDY_SET_ASIDE in set_aside else _study_in(tidied)
    apprenticeship_said = study == "some" and APPRENTICESHIP.search(tidied) is not None
    if study is not None:
        tidied = _without_study_words(tidied)
    no_money_for_uni = NO_MONEY_FOR_UNI.search(tidied)
    values = []
    for value, pattern in VALUES_SAID.items():
        said_value = pattern.search(tidied) is not None
        tidied = pattern.sub(", ", tidied)  # an answer, not an interest, even when the person took it back
        if said_value and value not in set_aside:
            values.append(value)
    injury = INJURY.search(tidied)
    struggles = STRUGGLES_WHEN.search(tidied)
    tidied = STRUGGLES_WHEN.sub(", ", tidied)
    shy_said, tidied = _taken(SHY, tidied)
    shy = [m.group(0) for m in shy_said]
    on_behalf = bool(ON_BEHALF.search(tidied)) and not WRITER_WISH.search(tidied)
    stage, age, left_education, about_me, tidied = _facts(tidied, on_behalf)
    about_me = (*about_me, *shy)
    if course_left:
        about_me, left_education = (*course_left, *about_me), True
        # Someone who has been to university is 19 or older, near enough.
        stage = stage or ("19-plus" if any("uni" in said.lower() for said in course_left) else "16-18")
    young_limit = next((limit for oldest, limit in YOUNG_LIMITS.items() if age is not None and age <= oldest), None)
    work_now = WORK_NOW.search(tidied) if young_limit else None
    if work_now:  # a wish to work now, not work they like: "start doin summat now" is never quoted as a reason
        tidied = WORK_NOW.sub(", ", tidied)
    if STAGE_SET_ASIDE in set_aside:
        stage = None

    likes: list[str] = []
    dislikes: list[str] = []
    said: dict[str, str] = {}
    said_as_no: set[str] = set()  # read from a "no", not from a limit said another way ("need school hours")
    people: str | None = None
    physical: str | None = None
    previous_was_no = False
    previous_no: set[str] = set()  # the limits the clause before said no to
    previous_like: str | None = None
    # Where each "no" was last said, and its words: only a later change of mind about the same thing takes it back
    # ("no nights, maybe weekends are ok" still says no to nights).
    said_no_at: dict[str, tuple[int, set[str]]] = {}
    minds_changed: list[tuple[int, str]] = []
    for at, raw in enumerate(CLAUSE_BREAK.split(tidied)):
        clause = FILLER_ENDS.sub("", " ".join(FILLER.sub(" ", raw).split()).strip(" -–—'\"")).strip()
        if not clause:
            continue
        liked, negative = _split_no(clause)
        if previous_like and VERDICT_ONLY.match(clause):
            likes.remove(previous_like)
            negative = clause = f"{previous_like}, {clause}"
        if liked and previous_was_no and not ALTERNATIVE.search(raw) and (CARRIES_ON.match(liked) or (
                # Examples of what was just ruled out: "im not doing personal care, washing ppl n that"
                _dealbreakers_in(liked) & previous_no and not LIKING.search(liked) and not SAID_OK.search(raw))):
            liked, negative = None, clause
        for name, pattern in LIMIT_PHRASES.items():
            if pattern.search(clause):
                said.setdefault(name, clause)
                # "mum of 2, need school hours": the limit is not something they like doing. What is left is quoted
                # back to them, so the words taken out show as "…" ("need a … where i'm on my feet").
                if liked:
                    rest = " ".join(pattern.sub(" … ", liked).split())
                    # What is left may be the limit's cause: "my back is bad from lifting our kid" likes no lifting.
                    cause = name in _CUE_PATTERNS and _CUE_PATTERNS[name].search(rest) and not LIKING.search(rest)
                    liked = rest if _has_content(rest) and not cause else None
        if liked and CHANGED_MIND.search(raw):
            minds_changed.append((at, liked))
            liked = None  # put up with after all, not liked
        if liked and TOLERANCE.search(liked):
            liked = _without_tolerance(liked)
        if liked:
            likes.append(liked)
        if BEHIND_THE_SCENES.search(clause) or (negative and (PATIENT_WORDS.search(negative)
                                                              or NOT_PEOPLE.search(negative))):
            people = "behind"
        elif liked and MEETING_PEOPLE.search(liked):
            people = people or "lots"
        physical = physical or _physical_in(liked, negative)
        if negative:
            named_in_no = _dealbreakers_in(negative)
            found = set(named_in_no)
            if len(found) > 1:  # "seeing patients bleed makes me faint": the patients are who it happens to
                found.discard(PATIENTS_LIMIT)
            for name in found:
                said.setdefault(name, clause)
                said_as_no.add(name)
                said_no_at[name] = (at, _cue_words(name, negative))
            if not found:
                dislikes.append(negative)
        previous_was_no = negative is not None
        previous_no = named_in_no if negative else set()
        previous_like = liked if liked and not negative else None
    # Mixed feelings are not a no: "i like kids but teenagers scare me" likes children, so children stay.
    said = {name: words for name, words in said.items()
            if not (name in said_as_no and any(_CUE_PATTERNS[name].search(like) and LIKING.search(like)
                                               for like in likes))
            and not (name in said_no_at and any(at > said_no_at[name][0]
                                                 and said_no_at[name][1] & _cue_words(name, changed)
                                                 for at, changed in minds_changed))}
    # What someone says of their own body or nerves stands whatever they like: "something exciting like a&e but i get
    # panic attacks when it's loud" still rules out the most stressful work.
    if injury:
        said.setdefault("heavy-lifting", injury.group(0))
    if struggles:
        said.setdefault("stress", struggles.group(0))
    if no_money_for_uni:
        said.setdefault("degree", no_money_for_uni.group(0))
    # A pupil of 15 (said, or in year 11) who wants an apprenticeship will start it at 16 ("yr 11 leavin in june, want
    # an apprenticeship not sixth form"), so jobs you must be older to start are left out, as for a job now.
    wants_work = (study == "asap" or (left_education and age is not None and age >= YOUNGEST_PAID_AGE)
                  or (stage == "pupil" and age == YOUNGEST_PAID_AGE - 1 and apprenticeship_said))
    if young_limit and (work_now or wants_work):
        said.setdefault(young_limit, work_now.group(0) if work_now else next(
            (fact for fact in about_me if LEFT_EDUCATION.search(fact) or COURSE_LEFT.search(fact) or AGE.search(fact)
             or SCHOOL_YEAR.search(fact)),
            f"{age}"))
    said = {name: words for name, words in said.items() if dealbreaker_key(name) not in set_aside}
    return ReadText(
        likes=tuple(likes), dealbreakers=frozenset(said), dislikes=tuple(dislikes), fixes=fixes,
        said=tuple(said.items()), stage=stage, study=study, values=tuple(values),
        people=None if PEOPLE_SET_ASIDE in set_aside else people or ("behind" if shy else None),
        physical=None if PHYSICAL_SET_ASIDE in set_aside else physical,
        left_education=left_education, about_me=about_me, set_aside=set_aside,
    )


def _cue_words(dealbreaker: str, text: str) -> set[str]:
    """The words in `text` that name what `dealbreaker` is about, singular ("bloods" and "blood" are one)."""
    pattern = _CUE_PATTERNS.get(dealbreaker)
    return {found.group(0).lower().removesuffix("s") for found in pattern.finditer(text)} if pattern else set()


def _physical_in(liked: str | None, negative: str | None) -> str | None:
    """The "physical" answer one clause gives, if any (see ACTIVE_WORDS)."""
    said = " ".join(part for part in (liked, negative) if part)
    if NOT_PHYSICAL.search(said):
        return "sitting"
    if (liked and ACTIVE_WORDS.search(liked)) or (negative and SITTING_WORDS.search(negative)):
        return "yes"
    if (liked and SITTING_WORDS.search(liked)) or (negative and ACTIVE_WORDS.search(negative)):
        return "sitting"
    return None


def _study_in(text: str) -> str | None:
    """The first study answer a clause that is not a "no" gives (see STUDY_SAID)."""
    for clause in CLAUSE_BREAK.split(text):
        liked, negative = _split_no(clause)
        said = clause if negative is None else liked  # "need a job" says nothing to like, and is still an answer
        for answer, pattern in STUDY_SAID:
            if said and pattern.search(said):
                return answer
    return None


def _without_study_words(text: str) -> str:
    """The text without the words that said how long they want to study, except in a "no" ("dont want uni" is
    read later as a limit)."""
    pieces, start = [], 0
    for brk in [*CLAUSE_BREAK.finditer(text), None]:
        end = brk.start() if brk else len(text)
        clause = text[start:end]
        _, negative = _split_no(clause)
        if not (negative and STUDY_WORDS_SAID.search(negative)):
            pieces.append(STUDY_WORDS_SAID.sub(", ", clause))
        elif clause.endswith(negative):
            # "want an apprenticeship not sixth form": the wish before the no is an answer too.
            before = clause[:len(clause) - len(negative)]
            pieces.append(STUDY_WORDS_SAID.sub(", ", before) + negative)
        else:
            pieces.append(clause)
        if brk:
            pieces.append(brk.group(0))
            start = brk.end()
    return "".join(pieces)


def _split_no(clause: str) -> tuple[str | None, str | None]:
    """(the part that is a like, the part that says no) of one clause; either may be None."""
    searched = NOT_A_NO.sub(lambda m: " " * len(m.group(0)), clause)
    if FEELING_NO.search(searched) or TRAILING_NO.search(searched):
        return None, clause
    contrast = CONTRAST_THEN_NO.search(searched)
    if contrast and FORWARD_NO.search(searched, contrast.end()):
        return None, clause
    if rather := RATHER_THAN.search(searched):
        before = clause[:rather.end()].strip()[:-len("than")].strip()
        return (before if _has_content(before) else None), clause[rather.end():].strip() or None
    forward = FORWARD_NO.search(searched)
    if forward is None:
        return (clause if _has_content(clause) else None), None
    before = FILLER_ENDS.sub("", clause[:forward.start()].strip(" ,-")).strip()
    return (before if _has_content(before) else None), clause[forward.start():]


def _without_tolerance(clause: str) -> str | None:
    """The clause without what the person only puts up with ("i dont mind blood and i love helping": "i love
    helping"), split at its "and"s; None when nothing else is left."""
    kept = []
    for part in re.split(r"\s*\band\b\s*", clause):
        words = {word.lower() for word in CONTENT_WORD.findall(part)}
        if TOLERANCE.search(part) or words <= TOLERANCE_TAIL | explain.FILLER_WORDS:
            continue
        kept.append(part)
    joined = " and ".join(kept)
    return joined if _has_content(joined) else None


def _emoji_ending_a_no(text: str) -> str:
    """The text with emoji that close a "no" read as a full stop: "not anything with kids PLEASE 😭 i like science" is a
    no, then a liking. Elsewhere emoji stay inside their clause ("the gory bits r sick 💀 i watch 24 hours in a&e")."""
    def close(found: re.Match[str]) -> str:
        before = CLAUSE_BREAK.split(text[:found.start()])[-1]
        after = text[found.end():]
        return ". " if after.strip() and _split_no(before)[1] else found.group(0)
    return EMOJI_RUN.sub(close, text)


def _has_content(text: str) -> bool:
    """Some word of three letters or more that says something, or a letter of another script ("at 16" says nothing
    that could be liked)."""
    return any(word.lower() not in explain.FILLER_WORDS for word in CONTENT_WORD.findall(text)) \
        or any(word in SHORT_JOB_NAMES for word in re.findall(r"[a-z]+", text.lower()))


def _taken(pattern: re.Pattern[str], text: str) -> tuple[list[re.Match[str]], str]:
    """What the pattern finds, and the text without it (a clause break in its place)."""
    return list(pattern.finditer(text)), pattern.sub(", ", text)


def _facts(text: str, on_behalf: bool = False) -> tuple[str | None, int | None, bool, tuple[str, ...], str]:
    """The stage and age said in words, whether they left education, the facts found, and the text without them.
    `on_behalf`: written by someone else about the person (see ON_BEHALF)."""
    found: list[str] = []
    stage: str | None = None
    age: int | None = None

    def take(pattern: re.Pattern[str], text: str) -> tuple[list[re.Match[str]], str]:
        matches, text = _taken(pattern, text)
        found.extend(m.group(0) for m in matches)
        return matches, text

    ages, text = take(AGE, text)
    if on_behalf:
        their_ages, text = take(THEIR_AGE, text)
        ages += their_ages
        _, text = take(THEIR_CONDITION, text)
    years, text = take(SCHOOL_YEAR, text)
    left, text = take(LEFT_EDUCATION, text)
    college, text = take(AT_COLLEGE, text)
    school, text = take(AT_SCHOOL, text)
    _, text = take(HAVE_CHILDREN, text)
    _, text = take(PREGNANT, text)
    _, text = take(COURSE_DONE, text)
    _, text = take(ON_BENEFITS, text)
    _, text = take(GETTING_ABOUT, text)
    _, text = take(BECAUSE_OF, text)
    _, text = take(LIFE_FACTS, text)
    _, text = take(HAVE_A_JOB, text)
    _, text = take(INJURY, text)
    _, text = take(CONDITION, text)
    for match in ages:
        age = int(next(group for group in match.groups() if group))
        if age < 11:
            age = None  # not a young person's age ("i am 5 foot" is caught above; "am 2 lazy" is not an age)
        elif age <= 15:
            stage = "pupil"
        elif 16 <= age <= 18:
            stage = "16-18"
        elif age >= 19:
            stage = "19-plus"
    now = [m for m in years if not TOLD_AS_PAST.search(CLAUSE_BREAK.split(m.string[:m.start()])[-1])]
    if stage is None and now:
        year = int(now[0].group(1) or now[0].group(2))
        stage = "pupil" if year <= 11 else "16-18"
        if year == LEAVING_YEAR and age is None:
            age = YOUNGEST_PAID_AGE - 1  # 15 in year 11 for most of it, and 16 when they leave
    if stage is None and (left or college):
        stage = "16-18"
    if stage is None and school:
        stage = "pupil"
    return stage, age, bool(left), tuple(found), text


def _dealbreakers_in(clause: str) -> set[str]:
    return {name for name, pattern in _CUE_PATTERNS.items() if pattern.search(clause)}
