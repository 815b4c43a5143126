"""Past forms of irregular English verbs, mapped to their base form, so that "built a modern
socialist country" matches "build a modern socialist country". A stemmer handles regular
inflection; these are the verbs it cannot, restricted to those found in official renderings."""

IRREGULAR_PAST = {
    "arose": "arise", "arisen": "arise", "became": "become", "began": "begin", "begun": "begin",
    "bore": "bear", "borne": "bear", "broke": "break", "broken": "break", "brought": "bring",
    "built": "build", "chose": "choose", "chosen": "choose", "dealt": "deal", "did": "do",
    "done": "do", "drew": "draw", "drawn": "draw", "drove": "drive", "driven": "drive",
    "fell": "fall", "fallen": "fall", "felt": "feel", "fought": "fight", "found": "find",
    "forgot": "forget", "forgotten": "forget", "gave": "give", "given": "give", "went": "go",
    "gone": "go", "grew": "grow", "grown": "grow", "held": "hold", "kept": "keep", "knew": "know",
    "known": "know", "laid": "lay", "led": "lead", "left": "leave", "lent": "lend", "lost": "lose",
    "made": "make", "meant": "mean", "met": "meet", "overcame": "overcome", "paid": "pay",
    "ran": "run", "rose": "rise", "risen": "rise", "said": "say", "saw": "see", "seen": "see",
    "sought": "seek", "sold": "sell", "sent": "send", "shook": "shake", "shaken": "shake",
    "shone": "shine", "shown": "show", "spoke": "speak", "spoken": "speak", "spent": "spend",
    "stood": "stand", "stole": "steal", "stolen": "steal", "struck": "strike", "strove": "strive",
    "striven": "strive", "swore": "swear", "sworn": "swear", "took": "take", "taken": "take",
    "taught": "teach", "told": "tell", "thought": "think", "threw": "throw", "thrown": "throw",
    "undertook": "undertake", "undertaken": "undertake", "understood": "understand",
    "upheld": "uphold", "withstood": "withstand", "woke": "wake", "woken": "wake", "won": "win",
    "wrote": "write", "written": "write",
}
