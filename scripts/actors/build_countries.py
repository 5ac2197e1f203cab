#!/usr/bin/env python3
"""Build lexicon/actors/countries.tsv.

Inputs: ../shared/data/ngec/countries.csv (alpha-2, alpha-3, English name and nationality
variants), the French and English territory names of CLDR (the `babel` package from PyPI),
and the French adjectives below (masculine singular; the other inflections are derived by
the rules of `inflect_fr`, or listed in full with `/`).

Usage: python3 scripts/actors/build_countries.py ../shared/data/ngec/countries.csv > lexicon/actors/countries.tsv
(needs `pip install babel`).
"""
import csv
import re
import sys

from babel import Locale

# alpha-2 -> French adjective, masculine singular (or every form separated by `/`).
FR_ADJ = {
    "AF": "afghan", "AL": "albanais", "DZ": "algérien", "AD": "andorran", "AO": "angolais",
    "AG": "antiguais", "AR": "argentin", "AM": "arménien", "AU": "australien", "AT": "autrichien",
    "AZ": "azerbaïdjanais/azéri/azéris/azérie/azéries", "BS": "bahaméen", "BH": "bahreïni/bahreïnie/bahreïnis/bahreïnies",
    "BD": "bangladais", "BB": "barbadien", "BY": "biélorusse/bélarusse", "BE": "belge",
    "BZ": "bélizien", "BJ": "béninois", "BT": "bhoutanais", "BO": "bolivien",
    "BA": "bosnien/bosniaque", "BW": "botswanais", "BR": "brésilien", "BN": "brunéien",
    "BG": "bulgare", "BF": "burkinabé/burkinabè/burkinabés/burkinabée/burkinabées", "BI": "burundais",
    "KH": "cambodgien", "CM": "camerounais", "CA": "canadien", "CV": "cap-verdien",
    "CF": "centrafricain", "TD": "tchadien", "CL": "chilien", "CN": "chinois", "CO": "colombien",
    "KM": "comorien", "CR": "costaricien", "CI": "ivoirien", "HR": "croate", "CU": "cubain",
    "CY": "chypriote", "CZ": "tchèque", "CD": "congolais", "DK": "danois", "DJ": "djiboutien",
    "DO": "dominicain", "EC": "équatorien", "EG": "égyptien", "SV": "salvadorien",
    "GQ": "équato-guinéen", "ER": "érythréen", "EE": "estonien", "ET": "éthiopien",
    "FJ": "fidjien", "FI": "finlandais", "FR": "français", "GA": "gabonais", "GM": "gambien",
    "GE": "géorgien", "DE": "allemand", "GH": "ghanéen", "GR": "grec/grecque/grecs/grecques",
    "GD": "grenadien", "GT": "guatémaltèque", "GN": "guinéen", "GW": "bissau-guinéen",
    "GY": "guyanien", "HT": "haïtien", "HN": "hondurien", "HK": "hongkongais", "HU": "hongrois",
    "IS": "islandais", "IN": "indien", "ID": "indonésien", "IR": "iranien", "IQ": "irakien",
    "IE": "irlandais", "IL": "israélien", "IT": "italien", "JM": "jamaïcain", "JP": "japonais",
    "JO": "jordanien", "KZ": "kazakh", "KE": "kényan", "KI": "kiribatien", "XK": "kosovar",
    "KW": "koweïtien", "KG": "kirghiz/kirghize/kirghizes", "LA": "laotien", "LV": "letton/lettonne/lettons/lettonnes",
    "LB": "libanais", "LS": "lesothan", "LR": "libérien", "LY": "libyen", "LI": "liechtensteinois",
    "LT": "lituanien", "LU": "luxembourgeois", "MK": "macédonien", "MG": "malgache",
    "MW": "malawite", "MY": "malaisien", "MV": "maldivien", "ML": "malien", "MT": "maltais",
    "MH": "marshallais", "MR": "mauritanien", "MU": "mauricien", "MX": "mexicain",
    "FM": "micronésien", "MD": "moldave", "MC": "monégasque", "MN": "mongol", "ME": "monténégrin",
    "MA": "marocain", "MZ": "mozambicain", "MM": "birman", "NA": "namibien", "NR": "nauruan",
    "NP": "népalais", "NL": "néerlandais", "NZ": "néo-zélandais", "NI": "nicaraguayen",
    "NE": "nigérien", "NG": "nigérian/nigériane/nigérians/nigérianes", "KP": "nord-coréen", "NO": "norvégien",
    "OM": "omanais", "PK": "pakistanais", "PW": "palaois", "PS": "palestinien", "PA": "panaméen",
    "PG": "papouasien", "PY": "paraguayen", "PE": "péruvien", "PH": "philippin", "PL": "polonais",
    "PT": "portugais", "QA": "qatari/qatarie/qataris/qataries", "RO": "roumain", "RU": "russe/soviétique", "RW": "rwandais",
    "KN": "kittitien", "LC": "saint-lucien", "VC": "vincentais", "WS": "samoan", "SM": "saint-marinais",
    "ST": "santoméen", "SA": "saoudien", "SN": "sénégalais", "RS": "serbe/yougoslave", "SC": "seychellois",
    "SL": "sierra-léonais", "SG": "singapourien", "SK": "slovaque", "SI": "slovène",
    "SB": "salomonais", "SO": "somalien", "ZA": "sud-africain", "KR": "sud-coréen", "ES": "espagnol",
    "LK": "sri-lankais", "SD": "soudanais", "SR": "surinamais", "SZ": "swazi/swazie/swazis/swazies", "SE": "suédois",
    "CH": "suisse/suisses/suissesse/suissesses", "SY": "syrien", "TW": "taïwanais", "TJ": "tadjik/tadjike/tadjiks/tadjikes", "TZ": "tanzanien",
    "TH": "thaïlandais", "TL": "timorais", "TG": "togolais", "TO": "tongien", "TT": "trinidadien",
    "TN": "tunisien", "TR": "turc/turque/turcs/turques", "TM": "turkmène", "TV": "tuvaluan",
    "UG": "ougandais", "UA": "ukrainien", "AE": "émirati/émiratie/émiratis/émiraties", "GB": "britannique",
    "US": "américain/états-unien", "UY": "uruguayen", "UZ": "ouzbek/ouzbèke/ouzbeks/ouzbèkes", "VU": "vanuatais",
    "VA": "vatican", "VE": "vénézuélien", "VN": "vietnamien", "YE": "yéménite", "ZM": "zambien",
    "ZW": "zimbabwéen",
}

# Extra names CLDR does not give (short forms, older names, acronyms written in the press).
EXTRA_FR = {
    "US": ["Etats-Unis", "Amérique", "USA"], "GB": ["Grande-Bretagne", "Angleterre", "Écosse", "Pays de Galles"],
    "CD": ["République démocratique du Congo", "RDC", "RD Congo"], "CG": ["Congo-Brazzaville", "République du Congo"],
    "MM": ["Birmanie"], "CI": ["Côte d'Ivoire"], "KP": ["Corée du Nord"], "KR": ["Corée du Sud"],
    "PS": ["Palestine", "Territoires palestiniens", "Cisjordanie", "bande de Gaza"], "CZ": ["République tchèque", "Tchéquie"],
    "VA": ["Vatican", "Saint-Siège"], "TW": ["Taïwan"], "AE": ["EAU", "Emirats"],
    "SZ": ["Swaziland"], "NL": ["Hollande"], "BY": ["Biélorussie", "Bélarus"], "TL": ["Timor oriental"],
    "CV": ["Cap-Vert"], "HK": ["Hong Kong"], "SA": ["Arabie"], "BA": ["Bosnie"],
    # states that ended, under the code of the state that continues them (the CAMEO gold
    # codes the Soviet Union's acts as Russia's, Yugoslavia's as Serbia's)
    "RU": ["Union soviétique", "URSS"], "RS": ["Yougoslavie", "République fédérale de Yougoslavie"],
    "MK": ["Macédoine", "ex-République yougoslave de Macédoine", "ARYM"],
}
EXTRA_EN = {
    "US": ["United States of America", "America", "USA", "U.S.A.", "US", "U.S."],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales"],
    "CD": ["DRC", "DR Congo", "Democratic Republic of Congo"], "CG": ["Republic of Congo", "Congo-Brazzaville"],
    "MM": ["Burma", "Myanmar"], "CI": ["Ivory Coast"], "KP": ["DPRK"], "CZ": ["Czech Republic"],
    "PS": ["Palestine", "Palestinian Territories", "West Bank", "Gaza Strip"], "TW": ["Taiwan"],
    "AE": ["UAE", "Emirates"], "CN": ["PRC"],
    "MK": ["Macedonia", "Former Yugoslav Republic of Macedonia"], "SZ": ["Swaziland"], "TL": ["East Timor"], "HK": ["Hong Kong"],
    "VA": ["Vatican", "Holy See"], "TR": ["Türkiye"], "BA": ["Bosnia"],
    "RU": ["Soviet Union", "USSR", "U.S.S.R."], "RS": ["Yugoslavia", "Federal Republic of Yugoslavia"],
}
# English adjectives and demonyms the nationality field lacks (states that ended, as above).
EXTRA_ADJ_EN = {"RU": ["Soviet", "Soviets"], "RS": ["Yugoslav", "Yugoslavs", "Yugoslavian"]}
# English forms that are adjectives or demonyms (the rest of the nationality field are names).
ADJ_END = re.compile(r"(an|ans|ese|ish|i|is|ic|ch|ot|ots|ss|er|ers|ine|ines|ois|ek|eks|iot|iots|ene|ak|aks|ik|iks|ix|ie|ies|ard|ards|ish|ean|eans|ician|icians|Brits|Swiss|Thai|Thais|Lao)$")
DROP_EN = {"Zaire"}
# A demonym two states share goes to the one the press means by it, as the French
# « congolais » does: "Congolese" is the Democratic Republic's.
EN_ADJ_OWNER = {"Congolese": "CD"}


def inflect_fr(adj: str) -> list[str]:
    if "/" in adj:
        forms = adj.split("/")
        out = []
        for f in forms:
            out.extend(inflect_fr(f) if f.endswith(("ien", "éen", "ain", "in", "an", "ais", "ois", "and")) else [f, f + "s"] if not f.endswith("s") else [f])
        return list(dict.fromkeys(out))
    # every French adjective in -en doubles its n in the feminine (ukrainienne, libyenne,
    # uruguayenne, coréenne)
    if adj.endswith("en"):
        return [adj, adj + "ne", adj + "s", adj + "nes"]
    if adj.endswith("e"):
        return [adj, adj + "s"]
    if adj.endswith(("ais", "ois")):
        return [adj, adj + "e", adj + "es"]
    return [adj, adj + "e", adj + "s", adj + "es"]


def cap_first(s: str) -> str:
    return s[:1].upper() + s[1:]


def main() -> None:
    fr, en = Locale("fr"), Locale("en")
    print("# Countries: CAMEO code (ISO 3166-1 alpha-3), alpha-2, canonical English name, French and")
    print("# English names (proper names: LOC entities, actor = the country), French and English")
    print("# adjectives and demonyms in every inflection (nominal actor phrases). Lists use `|`.")
    print("# Generated by scripts/actors/build_countries.py from ngec/countries.csv and CLDR names.")
    print("code\talpha2\tname\tfr\ten\tadj_fr\tadj_en")
    with open(sys.argv[1], newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            a2, name, a3 = row["CCA2"].strip(), row["Name"].strip(), row["CCA3"].strip()
            if len(a3) != 3 or not a2 or name in ("European Union", "United Nations"):
                continue
            names_fr = [fr.territories.get(a2, "")] + EXTRA_FR.get(a2, [])
            names_fr = [n.replace("’", "'") for n in names_fr if n and "-" not in n[:0]]
            # CLDR writes "Congo-Kinshasa"; keep it, it is used in the press
            en_name = en.territories.get(a2, name).replace("’", "'")
            names_en = [name, en_name] + EXTRA_EN.get(a2, [])
            adj_en = []
            for v in row["Nationality"].split(","):
                v = v.strip()
                if not v or v in DROP_EN or EN_ADJ_OWNER.get(v, a2) != a2:
                    continue
                if ADJ_END.search(v) and " " not in v and v not in names_en:
                    adj_en.append(v)
                elif not any(w in v for w in ("Islands", "Island", "Samoa", "Guam", "Rico", "Helena", "Gibraltar", "Bermuda", "Anguilla", "Montserrat", "Pitcairn", "Georgia and", "Guernsey", "Isle of Man")):
                    names_en.append(v)
            adj_en += [v for v, owner in EN_ADJ_OWNER.items() if owner == a2 and v not in adj_en]
            adj_en += [v for v in EXTRA_ADJ_EN.get(a2, []) if v not in adj_en]
            names_en = [n for n in dict.fromkeys(names_en) if " - " not in n and "[" not in n and "SAR" not in n]
            names_fr = [n for n in dict.fromkeys(names_fr) if n]
            adj_fr = inflect_fr(FR_ADJ[a2]) if a2 in FR_ADJ else []
            adj_fr_nouns = [cap_first(a) for a in adj_fr]
            print("\t".join([a3, a2, name, "|".join(names_fr), "|".join(names_en),
                             "|".join(dict.fromkeys(adj_fr + adj_fr_nouns)), "|".join(dict.fromkeys(adj_en))]))


if __name__ == "__main__":
    main()
