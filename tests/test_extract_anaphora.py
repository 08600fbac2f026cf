"""Words that refer back: pronouns, the clitic -nya, descriptions, plural pronouns."""

from kg.extract.pipeline import _prepare
from tests.extract_helpers import events, facts


def test_pronoun_points_to_the_subject_before():
    found = facts("Rina Hartono bertemu Budi Santoso di Jakarta pekan lalu. Ia kemudian "
                  "mendirikan PT Awan Sejahtera bersama investor lain.", "id")
    assert ("Rina Hartono", "founded", "PT Awan Sejahtera") in found
    assert ("Budi Santoso", "founded", "PT Awan Sejahtera") not in found


def test_clitic_points_to_the_person():
    found = facts("Dalam rapat itu Fajar Nugroho memperkenalkan Lina Marlina, yang kini menjadi "
                  "atasannya di divisi pemasaran.", "id")
    assert ("Fajar Nugroho", "reportsTo", "Lina Marlina") in found


def test_description_points_to_the_nearest_organization():
    found = facts("Sari Utami sempat bekerja di Bank Merdeka selama lima tahun. Tahun lalu ia "
                  "keluar dari perusahaan tersebut dan bergabung dengan Kopiloka.", "id")
    assert ("Sari Utami", "leftOrganization", "Bank Merdeka") in found
    assert ("Sari Utami", "worksFor", "Kopiloka") in found


def test_english_pronouns_and_descriptions():
    found = facts("Priya Raman spent a decade at Oakridge Systems. She left the chipmaker in "
                  "March and joined Northwind as chief technology officer.", "en")
    assert ("Priya Raman", "leftOrganization", "Oakridge Systems") in found
    assert ("Priya Raman", "worksFor", "Northwind") in found


def test_plural_pronoun_stands_for_both():
    found = facts("Northwind named Dana Whitfield head of sales and Omar Haddad head of "
                  "marketing. Both report to Alan Reed, the chief executive.", "en")
    assert ("Dana Whitfield", "reportsTo", "Alan Reed") in found
    assert ("Omar Haddad", "reportsTo", "Alan Reed") in found


def test_a_title_used_as_a_description_carries_the_age():
    found = facts("Northwind has hired Priya Raman to run its cloud unit. The 44-year-old "
                  "engineer left Oakridge Systems last month.", "en")
    assert ("Priya Raman", "age", 44) in found
    assert ("Priya Raman", "leftOrganization", "Oakridge Systems") in found


def test_a_description_points_to_what_the_text_called_so():
    found = facts("Northwind relies on Tessera Fab, a contract chipmaker based in Hsinchu. "
                  "Northwind said last week that Priya Raman had joined the chipmaker.", "en")
    assert ("Priya Raman", "worksFor", "Tessera Fab") in found
    assert ("Priya Raman", "worksFor", "Northwind") not in found


def test_a_description_points_to_the_one_whose_name_has_its_word():
    found = facts("Seri Muara Port Holdings signed a deal with Talisay Pacific Airlines. "
                  "Nurul Osman, the airline's chief operating officer, said it was a start.",
                  "en")
    assert ("Nurul Osman", "worksFor", "Talisay Pacific Airlines") in found
    assert ("Nurul Osman", "worksFor", "Seri Muara Port Holdings") not in found


def test_the_two_companies_are_two_different_ones():
    found = facts("Hanamori Corp said it had bought a stake in Kilowara, a Jakarta-based "
                  "startup, and that the two companies will jointly develop battery packs.",
                  "en")
    assert ("Hanamori Corp", "partnerOf", "Kilowara") in found


def test_a_description_is_not_the_subject_of_its_own_clause():
    article = ("Larchmont Financial, the Singapore-based lender, named a new chief. "
               "Its largest shareholder, Japan's Sorachi Holdings, backed the choice. "
               "Sorachi bought a 26% stake in the company for $340 million in 2023.")
    assert events(article, "en") == {
        ("Investment", ("Sorachi Holdings",), "Larchmont Financial", 340000000, "USD", 26.0)}


def test_perseroan_is_the_company_the_article_is_about():
    article = ("PT Bank Arunika Tbk menggelar rapat umum pemegang saham di Medan. "
               "Kurosawa Trust Bank, bank asal Jepang, tercatat sebagai pemegang saham terbesar "
               "Bank Arunika setelah membeli 40 persen saham perseroan senilai Rp 3,2 triliun "
               "pada 2021.")
    assert events(article, "id") == {
        ("Investment", ("Kurosawa Trust Bank",), "PT Bank Arunika Tbk", 3200000000000, "IDR",
         40.0)}


def test_a_description_that_names_what_it_describes_refers_to_nothing_before():
    # "perusahaan patungan bernama X itu" is X, not the company named before
    found = facts("PT Samudra Tambak Nusantara Tbk membentuk perusahaan patungan. Perusahaan "
                  "patungan bernama PT Kaiyo Samudra Akuakultur itu berkantor pusat di Mataram.",
                  "id")
    assert ("PT Kaiyo Samudra Akuakultur", "basedIn", "Mataram") in found
    assert ("PT Samudra Tambak Nusantara Tbk", "basedIn", "Mataram") not in found
    # but "named" as the verb of an appointment leaves "the company" a description
    found = facts("Arclight Semiconductor lost its chief executive on Monday. The company named "
                  "its chief financial officer, Gwen Halvorsen, as interim CEO.", "en")
    assert ("Gwen Halvorsen", "leads", "Arclight Semiconductor") in found


def test_a_description_set_before_a_name_between_commas_describes_it():
    # "anak usaha baru, PT X," describes X: "anak usaha tersebut" is X, not the backer
    found = events("Mitra Waras mendirikan anak usaha baru, PT Waras Digital Sehat, untuk "
                   "menampung bisnis WarasKu. Perusahaan investasi asal Tokyo, Kizuna Health "
                   "Partners, menyuntikkan dana Rp 240 miliar untuk 20% saham anak usaha "
                   "tersebut.", "id")
    assert found == {("Investment", ("Kizuna Health Partners",), "PT Waras Digital Sehat",
                      240_000_000_000, "IDR", 20.0)}


def test_a_relational_cue_does_not_describe_the_name_after_it():
    # "anak usaha X" is X's subsidiary: "anak usaha tersebut" is the subsidiary, not X
    found = facts("Sangkala merupakan anak usaha PT Prabasena Kapital Nusantara. Anak usaha "
                  "tersebut dipimpin oleh Bagus Prasetyanto.", "id")
    assert ("Bagus Prasetyanto", "leads", "Sangkala") in found
    assert ("Bagus Prasetyanto", "leads", "PT Prabasena Kapital Nusantara") not in found


def test_whom_a_clitic_points_to_is_not_the_subject_of_the_sentences_after():
    # "Posisinya diisi Y": Y is who the next sentence's "pria … itu" is, not the "-nya"
    found = facts("Hendrawan Susilo menjabat direktur utama PT Dingin Prima Logistik. Posisinya "
                  "diisi Yosef Tambunan. Pria berusia 46 tahun itu akan bertanggung jawab "
                  "langsung kepada Lukas Wiranata.", "id")
    assert ("Yosef Tambunan", "age", 46) in found
    assert ("Hendrawan Susilo", "age", 46) not in found


def test_a_product_description_refers_to_the_product_named_before():
    found = facts("PT Kota Mandala Selaras tengah menyiapkan aplikasi layanan warga bernama "
                  "MandalaKu. Aplikasi itu dikembangkan PT Kota Mandala Selaras bersama PT Hunian "
                  "Pintar Digital.", "id")
    assert ("PT Kota Mandala Selaras", "developed", "MandalaKu") in found
    # a head noun far from its article describes nothing: "The company later developed
    # Flockware, software that …" keeps its verb and its product
    found = facts("Corvid Robotics launched its first robot in 2019. The company later "
                  "developed Flockware, software that coordinates fleets of robots.", "en")
    assert ("Corvid Robotics", "developed", "Flockware") in found


def test_a_demonstrative_that_closes_a_time_closes_no_description():
    # "selama ini" (until now), "bulan ini" (this month): no description of anything
    found = facts("PT Awan Karsa Solusi, anak usaha PT Telekarsa Indonesia yang selama ini "
                  "mengelola layanan komputasi awan perseroan, kini berada di bawah PT Telekarsa "
                  "Data Prima.", "id")
    assert ("PT Awan Karsa Solusi", "subOrganizationOf", "PT Telekarsa Indonesia") in found
    found = facts("Cerdasia didirikan oleh Bayu Anggara pada 2018. Bayu Anggara mengundurkan "
                  "diri dan meninggalkan perusahaan akhir bulan ini.", "id")
    assert ("Bayu Anggara", "leftOrganization", "Cerdasia") in found


def test_a_description_may_reach_past_a_time_to_its_demonstrative():
    found = facts("Karagindo didirikan pada 2009 oleh pengusaha asal Makassar, Andi Baso "
                  "Tenriola. Pria berusia 63 tahun yang selama ini menjabat direktur utama itu "
                  "mundur dari manajemen.", "id")
    assert ("Andi Baso Tenriola", "age", 63) in found


def test_the_company_is_no_name_of_unknown_kind_but_the_one_the_article_is_about():
    # "Toyama" is named near, but nothing says what it is (a description that found it only
    # because its kind was open is no evidence either): "the company" is the article's
    text = ("Hatsuyuki Pharmaceutical said its chief executive had resigned. Hatsuyuki "
            "Pharmaceutical makes generics. Analysts were surprised. Shares fell. Regulators "
            "were concerned. Staff at the Toyama plant had skipped tests. He had led the "
            "company since 2017. Takeshi Hirasawa founded the company in 1978.")
    found = facts(text, "en")
    assert ("Takeshi Hirasawa", "founded", "Hatsuyuki Pharmaceutical") in found
    assert not any("Toyama" in (s, o) for s, _, o in found)


def test_a_description_after_an_opening_phrase_is_not_what_that_phrase_names():
    found = facts("PT Bekuraya Perikanan Tbk menggelar rights issue. Dalam keterbukaan informasi "
                  "di Bursa Efek Indonesia (BEI), Senin (14/7), perusahaan yang bermarkas di "
                  "Jakarta Utara itu menyebut akan menerbitkan saham baru.", "id")
    assert ("PT Bekuraya Perikanan Tbk", "basedIn", "Jakarta Utara") in found
    assert ("Bursa Efek Indonesia", "basedIn", "Jakarta Utara") not in found


def test_a_description_is_not_the_subject_of_its_own_clause_however_far_in_the_sentence():
    found = events("Heronwing Robotics launched a drone and said Japanese trading house "
                   "Mizukawa Shoji would take a 6% stake in the company for S$12 million.", "en")
    assert ("Investment", ("Mizukawa Shoji",), "Heronwing Robotics", 12000000, "SGD", 6.0) \
        in found


def test_a_description_named_by_a_name_reaches_past_the_last_sentences():
    text = ("The drones were developed by the Heronwing Autonomy Lab. Heronwing Robotics "
            "employs 160 people. Heronwing Robotics sells in Japan. Heronwing Robotics has a "
            "plant in Penang. Heronwing Robotics expects a profit. Heronwing Robotics grew. "
            "The lab is headed by Tobias Lindqvist.")
    assert ("Tobias Lindqvist", "leads", "Heronwing Autonomy Lab") in facts(text, "en")


def test_perseroan_right_after_another_listed_company_is_that_one():
    text = ("PT Sarana Timah Perkasa Tbk. dan PT Energi Karya Volta Tbk. membentuk perusahaan "
            "patungan. Direktur Utama Sarana Timah, Wahyu Halim, optimistis. Kerja sama ini "
            "melanjutkan ekspansi PT Energi Karya Volta Tbk. di bisnis daur ulang. Pada Maret "
            "lalu, perseroan mengakuisisi PT Akumulator Hijau Lestari senilai Rp 215 miliar.")
    assert ("Acquisition", ("PT Energi Karya Volta Tbk",), "PT Akumulator Hijau Lestari",
            215000000000, "IDR", None) in events(text, "id")



def test_the_company_that_said_it_is_the_sentence_s_subject():
    reading, _ = _prepare("Pravin Freight Ltd has hired a new chief financial officer from "
                          "rival Durabond Logistics, the company said on Monday.", "en")
    (encoded,) = list(reading.encoded())
    assert encoded.slots[-1].entity.name == "Pravin Freight Ltd"  # "the company"
