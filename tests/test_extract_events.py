"""Investments and acquisitions: amounts, currencies, stakes, backers across sentences."""

import pytest

from tests.extract_helpers import events, facts


def test_investment_with_amount_and_stake():
    found = events("Kopiloka mengucurkan US$25 juta untuk membeli 30 persen saham Tanikita, "
                   "kata sumber yang mengetahui transaksi itu.", "id")
    assert found == {("Investment", ("Kopiloka",), "Tanikita", 25_000_000, "USD", 30.0)}


def test_a_buyer_named_with_its_home_town_before_its_verb():
    # the place after the name is stepped over; the basedIn pattern still reads it
    text = ("Kirana Sonpo Holdings asal Osaka, Jepang, tahun lalu menyuntikkan Rp 1,2 triliun "
            "untuk menggenggam 20% saham Tanikita.")
    assert events(text, "id") == {
        ("Investment", ("Kirana Sonpo Holdings",), "Tanikita", 1_200_000_000_000, "IDR", 20.0)}
    assert ("Kirana Sonpo Holdings", "basedIn", "Osaka") in facts(text, "id")


@pytest.mark.parametrize("raised", [
    "Tanikita menghimpun dana Seri B senilai US$ 35 juta pada 2023.",
    "Ekspansi itu dibiayai dana Seri B senilai US$ 35 juta yang dihimpun Tanikita pada 2023.",
])
def test_a_round_raised_then_its_backers(raised):
    found = events(f"{raised} Putaran pendanaan tersebut dipimpin Lembah Hijau Ventures dan "
                   "diikuti Bank Merdeka.", "id")
    assert found == {("Investment", ("Bank Merdeka", "Lembah Hijau Ventures"), "Tanikita",
                      35_000_000, "USD", None)}


def test_a_backer_that_led_a_named_round_of_a_company():
    found = events("Lembah Hijau Ventures, modal ventura yang berbasis di Jakarta, sebelumnya "
                   "memimpin pendanaan Seri A Tanikita senilai US$ 12 juta pada 2022.", "id")
    assert found == {("Investment", ("Lembah Hijau Ventures",), "Tanikita", 12_000_000, "USD",
                      None)}


def test_a_round_and_its_backers_across_sentences():
    found = events("Perusahaan rintisan Tanikita resmi mengantongi pendanaan seri A sebesar "
                   "Rp 150 miliar. Putaran itu dipimpin firma modal ventura Lembah Hijau "
                   "Ventures. Bank Merdeka juga ikut menyuntikkan dana.", "id")
    assert found == {("Investment", ("Bank Merdeka", "Lembah Hijau Ventures"), "Tanikita",
                      150_000_000_000, "IDR", None)}


def test_english_investment_and_acquisitions():
    assert events("Northwind invested $300 million in Halcyon Robotics last year, the company "
                  "said.", "en") == {
        ("Investment", ("Northwind",), "Halcyon Robotics", 300_000_000, "USD", None)}
    found = events("Last year Northwind agreed to acquire Brightpath Labs for about $1.2 billion, "
                   "and it has snapped up two smaller start-ups, including Quillon and "
                   "Tessera Data.", "en")
    assert ("Acquisition", ("Northwind",), "Brightpath Labs", 1_200_000_000, "USD",
            None) in found
    assert ("Acquisition", ("Northwind",), "Tessera Data", None, None, None) in found


def test_a_chief_executive_invests_for_the_company_he_leads():
    found = events("CEO Kopiloka Andi Saputra memimpin Kopiloka sejak 2018. Andi Saputra "
                   "mengucurkan US$10 juta untuk membeli 20% saham Tanikita.", "id")
    assert found == {("Investment", ("Kopiloka",), "Tanikita", 10_000_000, "USD", 20.0)}


def test_valuations_fees_plans_and_refusals_are_not_deals():
    assert events("Putaran itu mengerek valuasi Tanikita menjadi US$500 juta. Kopiloka membayar "
                  "US$5 juta kepada Tanikita sebagai biaya lisensi.", "id") == set()
    assert events("Northwind plans to acquire Brightpath Labs for $1 billion, but the board "
                  "rejected the offer.", "en") == set()
    assert events("Kopiloka tidak jadi mengakuisisi Tanikita tahun ini.", "id") == set()


def test_a_stake_bought_in_a_company_described_in_an_aside():
    found = events("Hanamori Corp said it had bought a 19.9% stake in Kilowara, a Jakarta-based "
                   "startup that runs battery-swapping stations, for $85 million.", "en")
    assert found == {("Investment", ("Hanamori Corp",), "Kilowara", 85000000, "USD", 19.9)}


def test_the_value_of_the_deal_in_the_next_sentence():
    found = events("Emiten teknologi PT Lintasan Data Tbk resmi mengakuisisi 85 persen saham "
                   "PT Kopiloka Nusantara, perusahaan rintisan aplikasi kasir. Nilai transaksi "
                   "tersebut mencapai Rp 1,15 triliun.", "id")
    assert found == {("Acquisition", ("PT Lintasan Data Tbk",), "PT Kopiloka Nusantara",
                      1150000000000, "IDR", None)}


def test_a_clause_before_the_comma_is_not_who_was_funded():
    found = events("Sebelum dicaplok Lintasan Data, Kopiloka meraih pendanaan Seri A sebesar "
                   "Rp 120 miliar pada 2022 dari firma modal ventura Pradana Capital.", "id")
    assert found == {("Investment", ("Pradana Capital",), "Kopiloka", 120000000000, "IDR",
                      None)}


def test_agreed_to_buy_a_stake():
    found = events("Isarwald Capital agreed to buy a 22% stake in Nordvik Energy Systems for "
                   "€120 million ($131 million), the company said Tuesday.", "en")
    assert found == {("Investment", ("Isarwald Capital",), "Nordvik Energy Systems", 120000000,
                      "EUR", 22.0)}


@pytest.mark.parametrize(("text", "expected"), [
    (("Headline\n\nFjellstrom Energy ASA, a Norwegian maker of battery cells, agreed to pay "
      "$120 million for a 20% stake in Merbau EV Holdings Bhd."),
     ("Investment", ("Fjellstrom Energy ASA",), "Merbau EV Holdings Bhd", 120_000_000, "USD",
      20.0)),
    (("Headline\n\nPhilippine logistics company Tanglaw Freight Systems said on Monday it had "
      "agreed to buy smaller rival Bagwis Express for $120 million in cash."),
     ("Acquisition", ("Tanglaw Freight Systems",), "Bagwis Express", 120_000_000, "USD", None)),
])
def test_paying_for_a_stake_and_buying_a_rival(text, expected):
    assert events(text, "en") == {expected}


def test_the_rest_of_a_company_described_by_what_it_is_is_bought():
    text = ("Headline\n\nMossgrove Games released Saltmarrow on Thursday.\n\nSkarholt "
            "Interactive bought the rest of the studio in 2021 for $65 million.")
    assert events(text, "en") == {
        ("Acquisition", ("Skarholt Interactive",), "Mossgrove Games", 65_000_000, "USD", None)}


def test_a_round_raised_in_a_relative_clause_is_its_own_event():
    text = ("Headline\n\nSkarholt Interactive took a 20% stake in Mossgrove Games for $9 million "
            "in 2019.\n\nLindroos has founded a new studio in Helsinki, Quietfen, which has "
            "raised a $6 million seed round led by Kuusikko Ventures, with participation from "
            "angel investor Pekka Routasalo.")
    assert events(text, "en") == {
        ("Investment", ("Skarholt Interactive",), "Mossgrove Games", 9_000_000, "USD", 20.0),
        ("Investment", ("Kuusikko Ventures", "Pekka Routasalo"), "Quietfen", 6_000_000, "USD",
         None)}


def test_a_stake_bought_in_the_passive_is_an_investment_not_a_takeover():
    text = ("Judul\n\nSaham PT Kelapa Digital sebanyak 30 persen dibeli Ridgeview Partners "
            "senilai Rp 500 miliar.")
    assert events(text, "id") == {
        ("Investment", ("Ridgeview Partners",), "PT Kelapa Digital", 500_000_000_000, "IDR", 30.0)}


@pytest.mark.parametrize(("text", "lang", "expected"), [
    (("Phraya Capital Partners agreed to inject 9 billion baht ($278 million) into Chanthira "
      "Airways for a 40% stake."), "en",
     ("Investment", ("Phraya Capital Partners",), "Chanthira Airways", 9_000_000_000, "THB",
      40.0)),
    (("Bintang Senja Holdings Bhd has renamed itself Lantera Media Group and sold a 10% stake to "
      "Singapore-based streaming company Reelhaven for 180 million ringgit ($43 million)."), "en",
     ("Investment", ("Reelhaven",), "Lantera Media Group", 180_000_000, "MYR", 10.0)),
    ("Tasman Group sold a 15% stake in Kelp Analytics to Ridgeview Partners for $30 million.",
     "en", ("Investment", ("Ridgeview Partners",), "Kelp Analytics", 30_000_000, "USD", 15.0)),
    (("Rumah dagang asal Osaka, Sakuragawa Bussan Co., menyuntikkan Rp900 miliar ke PT Tandan "
      "Emas. Dengan suntikan tersebut, Sakuragawa kini menggenggam 12% saham perseroan."), "id",
     ("Investment", ("Sakuragawa Bussan Co.",), "PT Tandan Emas", 900_000_000_000, "IDR", 12.0)),
])
def test_stakes_injected_and_sold(text, lang, expected):
    assert expected in events("Headline\n\n" + text, lang)


def test_an_acquisition_in_the_passive_with_its_price():
    text = "Headline\n\nKelp Analytics was acquired by Tasman Group for $200 million in 2021."
    assert events(text, "en") == {
        ("Acquisition", ("Tasman Group",), "Kelp Analytics", 200_000_000, "USD", None)}


def test_a_deal_s_price_told_in_passing_in_the_next_sentence():
    found = events("Judul\n\nPT Nusantara Maritim Persada menuntaskan akuisisi 67% saham PT "
                   "Pelabuhan Samudra Borneo. Transaksi senilai Rp 4,35 triliun itu dijalankan "
                   "melalui subholding logistiknya.", "id")
    assert ("Acquisition", ("PT Nusantara Maritim Persada",), "PT Pelabuhan Samudra Borneo",
            4_350_000_000_000, "IDR", None) in found


def test_a_stake_bought_with_its_price_further_on():
    found = events("Judul\n\nEmiten rumah sakit PT Cahaya Husada Medika Tbk resmi mengakuisisi 90% "
                   "saham PT Sentosa Klinik Indonesia, pengelola jaringan Klinik Sentosa, dengan "
                   "nilai transaksi Rp 1,35 triliun.", "id")
    assert ("Acquisition", ("PT Cahaya Husada Medika Tbk",), "PT Sentosa Klinik Indonesia",
            1_350_000_000_000, "IDR", None) in found


def test_an_optional_price_after_a_gap_is_taken_when_there_is_one():
    found = events("Judul\n\nNorthwind Ventures berinvestasi di PT Kopiloka Nusantara pada Maret "
                   "lalu sebesar US$ 5 juta.", "id")
    assert ("Investment", ("Northwind Ventures",), "PT Kopiloka Nusantara", 5_000_000, "USD",
            None) in found


def test_a_stake_bought_with_an_aside_before_its_price():
    found = events("Emiten pelayaran PT Bahari Lintas Nusa Tbk membeli 35% saham PT Dermaga "
                   "Timur Terminal, operator terminal peti kemas di Bitung, Sulawesi Utara, "
                   "senilai Rp 1,35 triliun.", "id")
    assert ("Investment", ("PT Bahari Lintas Nusa Tbk",), "PT Dermaga Timur Terminal",
            1350000000000, "IDR", 35.0) in found


def test_a_stake_kept_by_the_seller_is_no_investment():
    found = events("PT Bahari Lintas Nusa Tbk membeli 35% saham PT Dermaga Timur Terminal "
                   "senilai Rp 1,35 triliun. Saham tersebut dibeli dari induk usahanya, PT "
                   "Karang Emas Infrastruktur, yang tetap menggenggam 65% saham.", "id")
    assert found == {("Investment", ("PT Bahari Lintas Nusa Tbk",), "PT Dermaga Timur Terminal",
                      1350000000000, "IDR", 35.0)}


def test_a_stake_acquired_is_one_acquisition():
    found = events("Emiten rumah sakit PT Cahaya Sehat Medika Tbk resmi mengakuisisi 90% saham "
                   "PT Klinik Prima Indonesia, pengelola jaringan Klinik Prima, dengan nilai "
                   "transaksi Rp 1,35 triliun.", "id")
    assert [e[0] for e in found] == ["Acquisition"]


def test_each_partner_of_a_joint_venture_holds_its_own_stake():
    found = events("Koperasi Susu Merapi Jaya dan Kahurangi Dairy Co-operative mendirikan "
                   "perusahaan patungan PT Merapi Segar Dairy. Dalam perusahaan patungan "
                   "tersebut, Koperasi Susu Merapi Jaya menggenggam 51% saham. Adapun Kahurangi "
                   "Dairy Co-operative menyetor modal tunai NZ$ 19 juta untuk 49% saham.", "id")
    assert found == {
        ("Investment", ("Koperasi Susu Merapi Jaya",), "PT Merapi Segar Dairy", None, None, 51.0),
        ("Investment", ("Kahurangi Dairy Co-operative",), "PT Merapi Segar Dairy", 19000000,
         "NZD", 49.0)}


def test_an_acquisition_told_in_a_relative_clause_without_that():
    found = events("The unit will run Loftly, the online furniture retailer Amberley Holdings "
                   "bought for £40m in 2023.", "en")
    assert ("Acquisition", ("Amberley Holdings",), "Loftly", 40000000, "GBP", None) in found


def test_a_stake_paid_for_is_in_the_company_just_spoken_of():
    # the joint venture is named in the sentence before; each partner pays for its own stake,
    # and the second clause ("sedangkan …") is not read as the first one's target
    found = events("Samudra Tambak membentuk perusahaan patungan dengan Kaiyo Shiryo. "
                   "Perusahaan patungan bernama PT Kaiyo Samudra Akuakultur itu memiliki modal "
                   "disetor Rp 520 miliar. Samudra Tambak menyetor Rp 312 miliar untuk "
                   "menggenggam 60% saham, sedangkan Kaiyo Shiryo menyetor Rp 208 miliar untuk "
                   "40% saham sisanya.", "id")
    assert found == {
        ("Investment", ("Samudra Tambak",), "PT Kaiyo Samudra Akuakultur", 312_000_000_000,
         "IDR", 60.0),
        ("Investment", ("Kaiyo Shiryo",), "PT Kaiyo Samudra Akuakultur", 208_000_000_000,
         "IDR", 40.0)}


def test_no_pattern_reads_across_a_contrasting_clause():
    found = events("Samudra Tambak menyetor Rp 312 miliar untuk menggenggam 60% saham, "
                   "sedangkan Kaiyo Shiryo menyetor Rp 208 miliar untuk 40% saham sisanya.", "id")
    assert not any(target == "Kaiyo Shiryo" for _, _, target, *_ in found)


def test_an_acquisition_of_a_target_described_before_its_name():
    found = events("Northwind Holdings said it had agreed to buy Malaysian data centre "
                   "developer Kelana Data for $780 million.", "en")
    assert found == {("Acquisition", ("Northwind Holdings",), "Kelana Data", 780_000_000, "USD",
                      None)}
    # part of a company is not the company
    found = events("Northwind agreed to buy the cloud unit of Halcyon Robotics for $50 "
                   "million.", "en")
    assert not any(target == "Halcyon Robotics" for _, _, target, *_ in found)


def test_a_deal_s_price_in_a_sentence_of_its_own_with_a_possessive():
    found = events("Judul\n\nPT Arta Pangan Lestari Tbk menuntaskan akuisisi seluruh saham PT "
                   "Dingin Prima Logistik. Nilai transaksinya mencapai Rp 1,35 triliun.", "id")
    assert found == {("Acquisition", ("PT Arta Pangan Lestari Tbk",), "PT Dingin Prima Logistik",
                      1_350_000_000_000, "IDR", None)}


def test_a_stake_taken_with_its_price_further_on():
    found = events("Japanese property group Hakubai Estate, Meranti Hospitality's largest "
                   "shareholder, took a 24.5 per cent stake in Meranti Hospitality in 2022 "
                   "through a $206 million share placement.", "en")
    assert found == {("Investment", ("Hakubai Estate",), "Meranti Hospitality", 206_000_000,
                      "USD", 24.5)}
    assert events("Northwind Capital bought a 30% stake in Halcyon Robotics last year.",
                  "en") == {("Investment", ("Northwind Capital",), "Halcyon Robotics", None,
                             None, 30.0)}


def test_said_it_would_buy_reports_a_deal_but_could_buy_does_not():
    found = events("Sorivibe Corp said on Thursday it would buy audio startup Tempo Lab for "
                   "148 billion won.", "en")
    assert found == {("Acquisition", ("Sorivibe Corp",), "Tempo Lab", 148_000_000_000, "KRW",
                      None)}
    assert events("Sorivibe Corp said it could buy audio startup Tempo Lab for 148 billion "
                  "won.", "en") == set()


def test_an_acquisition_in_the_progressive():
    found = events("Senyum Dental Group Bhd is acquiring Penang-based Mutiara Dental Sdn Bhd for "
                   "RM86 million cash.", "en")
    assert found == {("Acquisition", ("Senyum Dental Group Bhd",), "Mutiara Dental Sdn Bhd",
                      86_000_000, "MYR", None)}


def test_an_earlier_round_named_with_its_amount_and_lead():
    found = events("The new money brings Veltrix's total funding to A$48 million, including a "
                   "A$6 million seed round led by Tallow Ventures in 2023.", "en")
    assert ("Investment", ("Tallow Ventures",), "Veltrix", 6000000, "AUD", None) in found


def test_buying_the_part_not_already_owned_is_an_acquisition_not_a_negation():
    found = events("Corvane Entertainment said it had agreed to buy the 78% of Finnish developer "
                   "Kuura Games that it does not already own for €410 million in cash.", "en")
    assert ("Acquisition", ("Corvane Entertainment",), "Kuura Games", 410000000, "EUR",
            None) in found
    # a real negation still cancels
    assert not events("Corvane Entertainment said it had not agreed to buy Kuura Games for "
                      "€410 million.", "en")
