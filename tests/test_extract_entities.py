"""Names found in the text, their kinds, and one entity per real thing within an article."""

from pathlib import Path

import pytest

from tests.extract_helpers import entity, facts, facts_of, read


def kinds(text: str, lang: str = "id") -> dict[str, str]:
    return {e.name: e.kind for e in read(text, lang).entities}


def test_surname_and_case_variants_are_one_person():
    article = read("Dalam wawancara itu Rina Hartono menjelaskan rencananya. Menurut Hartono, "
                   "pasar terus tumbuh. \"Kami siap,\" kata Hartono kepada wartawan. "
                   "Sebelumnya HARTONO sempat ragu.", "id")
    rina = entity(article, "Rina Hartono")
    assert rina.kind == "Person"
    assert "Hartono" in rina.aliases
    assert [e.name for e in article.entities].count("Rina Hartono") == 1


def test_organization_short_form_is_the_same_organization():
    article = read("Tahun lalu Sari Utami merintis Awan Digital AI di Bandung. Kini Awan Digital "
                   "melayani ribuan pelanggan dan Awan Digital terus merekrut insinyur.", "id")
    assert "Awan Digital" in entity(article, "Awan Digital AI").aliases


def test_a_unit_named_after_its_parent_is_its_own_organization():
    article = read("Kopiloka terus tumbuh pesat. Tahun ini Kopiloka membentuk Kopiloka AI, divisi "
                   "baru yang menggarap layanan kecerdasan buatan untuk kedai.", "id")
    unit = entity(article, "Kopiloka AI")
    assert unit.kind == "Organization"
    assert ("Kopiloka AI", "subOrganizationOf", "Kopiloka") in facts_of(article)


def test_a_parenthesised_short_name_is_an_alias():
    article = read("Putaran itu dipimpin firma modal ventura Lembah Hijau Ventures (LHV) dan "
                   "diikuti investor lain. LHV juga aktif di Asia Tenggara.", "id")
    assert "LHV" in entity(article, "Lembah Hijau Ventures").aliases


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("Menurut laporan itu, produsen cip Sinarlogika juga ikut menyuntikkan dana ke startup itu.",
     "Sinarlogika", "Organization"),
    ("Perusahaan itu meluncurkan aplikasi Seduhan yang kini dipakai ribuan kedai kopi.",
     "Seduhan", "Product"),
    ("Kantor pusat perusahaan itu berada di Surabaya dan cabangnya di Medan.",
     "Surabaya", "Place"),
    # (the company is named on its own too: else "Kopiloka Andi Saputra" may be one name)
    (("Kopiloka membuka gerai baru. Pertemuan itu dihadiri CEO Kopiloka Andi Saputra dan "
      "sejumlah investor lain."), "Andi Saputra", "Person"),
    ("The company said Northwind would release Skylark, a voice assistant, next year.",
     "Skylark", "Product"),
])
def test_kinds_come_from_cue_words(text, name, kind):
    assert kinds(text, "en" if text.startswith("The") else "id")[name] == kind


def test_sentence_initial_ordinary_words_are_not_names():
    found = kinds("Kesuksesan Seduhan rupanya tidak bertahan lama di pasar. Gesekan internal "
                  "membuat Seduhan kehilangan pengguna. Analisis pasar menunjukkan hal serupa.")
    assert "Kesuksesan Seduhan" not in found and "Gesekan" not in found
    assert "Seduhan" in found


def test_an_unknown_sentence_initial_word_is_a_name():
    assert "Kopiloka" in kinds("Kopiloka didirikan oleh Rina Hartono di sebuah garasi kecil.")


def test_month_names_and_bare_acronyms_are_not_names():
    found = kinds("Pada Maret lalu pasar AI tumbuh pesat dan model LLM makin murah di Jakarta.")
    assert "Maret" not in found and "AI" not in found and "LLM" not in found


def test_an_acronym_given_with_atau_is_a_short_name():
    article = read("Pemerintah merombak direksi PT Samudra Kargo Nusantara (Persero) atau SKN "
                   "pekan ini. SKN kini dipimpin Rudi Hermawan.", "id")
    org = entity(article, "PT Samudra Kargo Nusantara (Persero)")  # its legal form included
    assert "SKN" in org.aliases
    assert not [e for e in article.entities if e.name == "Persero"]


def test_an_acronym_of_part_of_a_name_is_not_an_alias():
    article = read("Kementerian Badan Usaha Milik Negara (BUMN) merombak direksi pekan ini. "
                   "Rudi Hermawan kini memimpin BUMN logistik itu.", "id")
    assert "BUMN" not in entity(article, "Kementerian Badan Usaha Milik Negara").aliases


def test_a_capitalised_word_named_once_with_nothing_said_is_dropped():
    names = {e.name for e in read("Ekspansi itu terus berjalan. Demam belanja daring melanda "
                                  "kota-kota besar, kata Rina Hartono dari perusahaan Kopiloka.",
                                  "id").entities}
    assert "Demam" not in names
    assert "Kopiloka" in names


def test_a_model_and_its_smaller_version_are_products_not_a_person():
    article = read("Corvaline Systems on Tuesday released Talwar, an open-weight language model "
                   "for Indian languages. The lab is also releasing a smaller version, Talwar "
                   "Lite, for phones. Talwar was trained for a year.", "en")
    assert entity(article, "Talwar").kind == "Product"
    assert not [e for e in article.entities if e.kind == "Person"]


def test_a_lab_described_as_the_companys_is_its_unit_and_the_short_name_the_company():
    article = read("Corvaline Systems, the Pune-based software company, released a model on "
                   "Tuesday. It was built by Corvaline Research, the company's two-year-old AI "
                   "lab. Corvaline said the model is free. Corvaline has 9,000 staff.", "en")
    company = entity(article, "Corvaline Systems")
    assert company.kind == "Organization" and "Corvaline" in company.aliases
    assert ("Corvaline Research", "subOrganizationOf", "Corvaline Systems") in facts_of(article)


def test_what_follows_menurut_x_is_the_clause_not_what_x_is():
    article = read("Dimas Pramudya mendirikan Gudangtek pada 2019. Menurut Dimas, robot pertama "
                   "Gudangtek akan diuji tahun depan. \"Kami siap,\" kata Dimas.", "id")
    assert entity(article, "Dimas Pramudya").kind == "Person"
    assert "Dimas" in entity(article, "Dimas Pramudya").aliases


def test_a_surname_of_two_words_is_the_same_person():
    article = read("Tomas Vidal Ferrer, the lender's chief financial officer, becomes chief "
                   "operating officer. Vidal Ferrer will report to the chief executive.", "en")
    assert "Vidal Ferrer" in entity(article, "Tomas Vidal Ferrer").aliases


def test_who_after_a_name_says_a_person():
    article = read("His old job goes to Maire Dunleavy, who left Harrowgate Bank last month "
                   "after nine years there. Both Tomas Vidal and Dunleavy will report to Ana "
                   "Souza.", "en")
    assert entity(article, "Maire Dunleavy").kind == "Person"
    assert "Dunleavy" in entity(article, "Maire Dunleavy").aliases
    assert entity(article, "Harrowgate Bank").kind == "Organization"


def test_a_legal_form_inside_a_run_of_capitals_starts_a_new_name():
    article = read("Posisinya kini dijabat Teguh Santoso, yang sebelumnya merupakan Kepala Divisi "
                   "Tresuri PT Bank Arunika Tbk. Teguh mulai bertugas bulan depan.", "id")
    assert "PT Bank Arunika Tbk" in [e.name for e in article.entities]  # the stop ends the sentence


def test_a_name_without_its_legal_form_is_not_split_after_a_title():
    article = read("Yohanes Sembiring menjabat Direktur Utama PT MKL Terminal Petikemas, anak "
                   "perusahaan MKL. Kursi Direktur Utama MKL Terminal Petikemas kini diisi Rini "
                   "Anggraeni.", "id")
    unit = entity(article, "PT MKL Terminal Petikemas")
    assert "MKL Terminal Petikemas" in unit.aliases
    assert "Terminal Petikemas" not in [e.name for e in article.entities]


def test_a_name_with_a_legal_form_is_an_organization():
    # after a title, "Arunika Terminal Petikemas" would otherwise vote for a person
    article = read("Yohanes Sembiring menjabat Direktur Utama PT Arunika Terminal Petikemas, anak "
                   "perusahaan Arunika. Kursi Direktur Utama Arunika Terminal Petikemas kini "
                   "diisi Rini Anggraeni.", "id")
    assert entity(article, "PT Arunika Terminal Petikemas").kind == "Organization"


def test_a_unit_fact_read_before_kinds_settle_is_dropped_if_its_parent_is_a_person():
    # found by the hypothesis test: "Wang Scale AI" looked like a unit of "Wang", who turned
    # out to be a person
    article = read("Zuckerberg mengucurkan $14 miliar untuk membeli 49% Wang Scale AI dan, "
                   "sebagai bagian dari kesepakatan itu, Wang meninggalkan perusahaannya dan "
                   "berasosiasi dengan Meta.", "id")
    assert not [f for f in article.facts if f.predicate == "subOrganizationOf"
                and "Person" in (f.subject.kind, f.object.kind)]


def test_an_abbreviated_legal_form_is_one_name_with_its_short_name():
    article = read("Emiten konglomerasi PT Adhika Investama Tbk. (ADI) merombak pimpinan anak "
                   "usahanya. ADI bermarkas di Jakarta. Rudi Napitu bergabung dengan PT Adhika "
                   "Investama Tbk. Perusahaan itu menunjuknya sebagai direktur.", "id")
    # labelled without the stop, as the form is also written, so that articles agree
    company = entity(article, "PT Adhika Investama Tbk")
    assert {"ADI", "PT Adhika Investama Tbk."} <= company.aliases
    assert [e.name for e in article.entities].count("PT Adhika Investama Tbk") == 1
    # "Tbk." followed by a capitalised word still ends its sentence
    sentences = {f.evidence.text for f in article.facts}
    assert not [s for s in sentences if "Tbk. Perusahaan" in s]


@pytest.mark.parametrize(("text", "lang", "name"), [
    ("Mossgrove Games released a new title on Thursday.", "en", "Mossgrove Games"),
    ("Yesterday Skarholt Interactive confirmed the news.", "en", "Skarholt Interactive"),
    ("Sementara itu Waluya Husada membuka rumah sakit baru.", "id", "Waluya Husada"),
])
def test_a_name_ending_in_an_industry_word_is_an_organization(text, lang, name):
    # the first line of an article is its headline: the sentence comes after one
    assert entity(read("Headline\n\n" + text, lang), name).kind == "Organization"


def test_the_first_words_of_a_company_named_in_full_are_that_company():
    article = read("Judul\n\nHolding maritim PT Wahana Bahtera Nusantara (Persero) merampungkan "
                   "restrukturisasi. Saham keduanya dimiliki penuh oleh Wahana Bahtera.\n\n"
                   "Direktur Utama Wahana Bahtera, Aryo Wiranegara (56), mengatakan "
                   "restrukturisasi itu perlu.", "id")
    company = entity(article, "PT Wahana Bahtera Nusantara (Persero)")
    assert "Wahana Bahtera" in company.aliases
    assert ("Aryo Wiranegara", "leads", company.name) in facts_of(article)


def test_a_shareholders_meeting_is_not_an_organization():
    article = read("Judul\n\nRapat Umum Pemegang Saham Luar Biasa (RUPSLB) PT Bank Sinar Tambora "
                   "Tbk menyetujui pengangkatan Kusumawardhani Nasution sebagai Direktur Utama "
                   "perseroan. RUPSLB juga mengangkat Maria Goretti Ndun sebagai Direktur "
                   "Kepatuhan.", "id")
    assert {e.name for e in article.entities if e.kind == "Organization"} == {
        "PT Bank Sinar Tambora Tbk"}
    assert ("Kusumawardhani Nasution", "leads", "PT Bank Sinar Tambora Tbk") in facts_of(article)


def test_a_hospital_is_an_organization():
    article = read("Judul\n\nAlbertus sebelumnya memimpin RS Waluya Pekanbaru sejak 2018.", "id")
    assert entity(article, "RS Waluya Pekanbaru").kind == "Organization"


def test_two_legal_forms_after_a_comma_are_one_name():
    article = read("Judul berita\n\nPT Lintas Nusa menggandeng perusahaan asal Jepang, Kaminari "
                   "Networks Co., Ltd., untuk membentuk PT Awan Kaminari Indonesia.", "id")
    assert ("PT Lintas Nusa", "partnerOf", "Kaminari Networks Co., Ltd.") in facts_of(article)


def test_a_lone_first_word_of_a_legal_company_name_is_the_company():
    article = read("Judul berita\n\nDewan komisaris PT Kasmira Dana Teknologi mencopot pendiri "
                   "perusahaan. Benyamin Tarigan, Chief Financial Officer (CFO) Kasmira, kini "
                   "memimpin. Vivian Lam, komisaris Kasmira, mengatakan hal itu. Kasmira juga "
                   "memiliki unit pembiayaan syariah, Kasmira Syariah.", "id")
    company = entity(article, "PT Kasmira Dana Teknologi")
    assert "Kasmira" in company.aliases
    assert ("Benyamin Tarigan", "worksFor", company.name) in facts_of(article)


def test_the_parent_in_a_subsidiary_of_x_is_not_a_unit():
    article = read("Headline\n\nAcme Corp is a subsidiary of Tasman Group.\n\nKelp Analytics, "
                   "which Tasman bought in 2021, reports to the group.", "en")
    assert "Tasman" in entity(article, "Tasman Group").aliases
    assert not [f for f in facts_of(article) if f[2] == "Tasman"]


def test_a_participle_after_the_head_ends_an_english_description():
    text = ("Kestrava Robotics, a startup building general-purpose robots for warehouses, has "
            "raised $120 million. Kestrava said on Thursday that it would hire.")
    assert kinds(text, "en")["Kestrava Robotics"] == "Organization"


def test_adjectives_between_commas_still_lead_to_the_head():
    text = ("The model powers Tern, the wheeled, two-armed picking robot that Kestrava Robotics "
            "unveiled last year. Tern is sold to Cresswell Freight.")
    assert kinds(text, "en")["Tern"] == "Product"


def test_a_given_name_of_two_short_syllables_is_one_name():
    text = ("Kestrava was founded by Dana Okafor and Hyun-woo Kang. Kang, the company's "
            "vice president of hardware, oversees the factory.")
    assert ("Hyun-woo Kang", "founded", "Kestrava") in facts(text, "en")
    assert "Hyun" not in kinds(text, "en")


@pytest.mark.parametrize("text, lang", [
    (("Kopi Lumbung didirikan pada 2019 oleh Galih Pratama. Galih, Co-founder sekaligus CEO "
     "Kopi Lumbung, tersenyum. Jonathan bergabung dengan dewan komisaris Kopi Lumbung."), "id"),
    (("Kopi Lumbung was founded in 2019 by Galih Pratama. Galih, co-founder and CEO Kopi "
     "Lumbung, smiled. Jonathan joins chairman Kopi Lumbung."), "en"),
])
def test_what_is_founded_is_an_organization(text: str, lang: str):
    """Titles before the name ("CEO X") say a person; being founded says otherwise."""
    assert kinds(text, lang)["Kopi Lumbung"] == "Organization"


def test_a_given_name_of_two_capitalised_syllables_is_one_name():
    text = ('"The price is full," said Lin Wei-Ting, a healthcare analyst at Straits Meridian '
            "Securities.")
    assert ("Lin Wei-Ting", "worksFor", "Straits Meridian Securities") in facts(text, "en")


def test_an_honorific_of_two_words_is_not_part_of_the_name():
    text = ("The board appointed Tan Sri Azman Rahimi, 64, as chairman. Azman, a former chief "
            "executive of port operator Seri Muara Port Holdings, starts on Monday.")
    found = facts(text, "en")
    assert ("Azman Rahimi", "age", 64) in found
    assert ("Azman Rahimi", "leads", "Seri Muara Port Holdings") in found


def test_the_first_two_words_of_a_name_are_the_same_person():
    text = ("RUPSLB menyetujui pengangkatan Sri Wahyuni Hartono sebagai Presiden Direktur PT "
            "Lintas Bayar Sejahtera. Perempuan berusia 51 tahun itu sebelumnya bekerja di bank. "
            '"Tugas kami jelas," ujar Sri Wahyuni.')
    article = read(text, "id")
    assert [e.name for e in article.entities if e.kind == "Person"] == ["Sri Wahyuni Hartono"]


def test_the_first_words_of_a_longer_name_name_the_same_thing():
    text = ("Judul\n\nHendra (47) merupakan salah satu pendiri LintasPay bersama Ratna Dewi "
            "Anggraini. Ratna Dewi tetap menjabat Chief Operating Officer (COO).")
    found = facts(text, "id")
    assert ("Ratna Dewi Anggraini", "jobTitle", "Chief Operating Officer") in found
    assert ("Ratna Dewi Anggraini", "founded", "LintasPay") in found


def test_a_company_named_in_full_after_a_title_is_not_cut_into_a_person():
    text = ("Syahrial Noor ditunjuk sebagai Direktur Utama. Ia sebelumnya menjabat Direktur "
            "Bisnis PT Bank Syariah Mutiara Khatulistiwa pada 2016-2021.")
    assert kinds(text)["PT Bank Syariah Mutiara Khatulistiwa"] == "Organization"
    assert "Mutiara Khatulistiwa" not in kinds(text)


def test_x_atau_y_made_of_x_s_words_is_one_organization():
    text = ("Samarinda - PT Bank Pembangunan Daerah Mahakam Raya (Perseroda) atau Bank Mahakam "
            "memisahkan unit syariahnya. Direktur Utama Bank Mahakam, Fauzan Rasyid, senang.")
    found = facts(text, "id")
    assert ("Fauzan Rasyid", "leads", "PT Bank Pembangunan Daerah Mahakam Raya (Perseroda)") \
        in found


def test_a_name_ending_in_a_company_s_name_is_not_a_person_s():
    text = ("Agus Setiawan memimpin UUS Bank Mahakam sejak 2020. Direktur Keuangan Bank "
            "Mahakam, Rosmawati, menambahkan. Direktur Utama Bank Mahakam, Fauzan Rasyid, "
            "tersenyum.")
    assert kinds(text)["Bank Mahakam"] == "Organization"


def test_otoritas_begins_an_organization():
    text = "Otoritas Jasa Keuangan (OJK) menerbitkan izin usaha bagi entitas baru tersebut."
    assert kinds(text)["Otoritas Jasa Keuangan"] == "Organization"


def test_a_company_s_name_and_a_place_is_its_arm_there():
    text = ("Hanseong Semiconductor's US subsidiary has hired Rebecca Thornwell. Thornwell "
            "will take charge of Hanseong Semiconductor America on Oct. 1.")
    found = facts(text, "en")
    assert ("Hanseong Semiconductor America", "subOrganizationOf", "Hanseong Semiconductor") \
        in found
    assert kinds(text, "en")["Hanseong Semiconductor America"] == "Organization"


def test_a_place_s_last_word_does_not_make_it_a_person():
    text = ("Proyek itu berada di Kabupaten Ngada, Nusa Tenggara Timur. Warga Ngada menyambut "
            "proyek tersebut.")
    assert kinds(text)["Kabupaten Ngada"] == "Place"


def test_the_opening_word_of_names_alone_is_no_name():
    text = ("Judul\n\nPT Kitamura Nusantara Geotermal (KNG) didirikan pada 2025.\n\nDewan "
            "komisaris KNG menunjuk Takeshi Morimoto (54) sebagai Presiden Direktur perusahaan "
            "patungan tersebut.")
    assert "Dewan" not in kinds(text, "id")
    assert ("Takeshi Morimoto", "leads", "PT Kitamura Nusantara Geotermal") in facts(text, "id")


def test_a_quoted_name_takes_the_description_after_its_quotes():
    text = ('The studio is now developing "Lantern Deep", an underwater exploration game that '
            "Corvane Entertainment will publish.")
    assert kinds(text, "en")["Lantern Deep"] == "Product"


def test_a_name_between_a_title_and_a_person_is_the_organization():
    article = read("Direktur Utama Bahtera, Andreas Kurniawan Lie, mengatakan investasi ini "
                   "penting. Direktur Keuangan Bahtera, Ratna Kusumawardhani, setuju. Bahtera "
                   "mengoperasikan 41 kapal.", "id")
    assert entity(article, "Bahtera").kind == "Organization"
    assert ("Ratna Kusumawardhani", "worksFor", "Bahtera") in facts_of(article)


def test_an_honorific_inside_a_company_name_is_part_of_it():
    article = read("Saham itu dibeli dari PT Karang Mas Infrastruktur. Presiden Direktur "
                   "Karang Mas, Hartono Gunadi, menyebut dana akan dipakai.", "id")
    assert entity(article, "PT Karang Mas Infrastruktur").kind == "Organization"
    assert ("Hartono Gunadi", "leads", "PT Karang Mas Infrastruktur") in facts_of(article)


def test_a_name_before_a_product_noun_is_a_product():
    assert kinds("The company unveiled the Vega humanoid robot, which can lift 20 "
                 "kilograms.", "en")["Vega"] == "Product"
    assert kinds("Northwind Retail Group will run the Amberley Plus loyalty app.", "en")[
        "Amberley Plus"] == "Product"
    # the product noun does not end the phrase: the name is the maker's
    assert kinds("Shares of the Kestrava robot maker rose. Kestrava Robotics said so.",
                 "en").get("Kestrava Robotics") == "Organization"


def test_an_investment_arm_is_an_organization_and_a_robotic_arm_a_product():
    found = kinds("The round was led by Bluewater Harbour Ventures, with participation from "
                  "KIT Ventures, the institute's investment arm. Kestrava Robotics sells the "
                  "Picker Max, a robotic arm.", "en")
    assert found["KIT Ventures"] == "Organization"
    assert found["Picker Max"] == "Product"


def test_indonesian_provinces_and_towns_are_places():
    # "pengusaha" before it would make it a person's name, were it not a known place
    found = kinds("PT Semen Andalas Raya didirikan pengusaha asal Bengkulu, Syamsul Hasibuan, "
                  "pada 1998.", "id")
    assert found["Bengkulu"] == "Place"
    assert found["Syamsul Hasibuan"] == "Person"
    assert ("Syamsul Hasibuan", "founded", "PT Semen Andalas Raya") in facts(
        "PT Semen Andalas Raya didirikan pengusaha asal Bengkulu, Syamsul Hasibuan, pada "
        "1998.", "id")


def test_a_company_named_without_its_trade_word():
    article = read("PT Semen Teluk Sirandah menjual pabriknya. Direktur Utama Teluk Sirandah, "
                   "Marlina Sitompul, menyetujui penjualan itu. Teluk Sirandah berbasis di "
                   "Bengkulu.", "id")
    assert entity(article, "PT Semen Teluk Sirandah").aliases == {"Teluk Sirandah"}
    assert ("Marlina Sitompul", "leads", "PT Semen Teluk Sirandah") in facts_of(article)


def test_a_short_name_is_not_its_arm_abroad():
    article = read("Orecrest Analytics, a Perth-based software maker, opened an office through "
                   "its Chilean subsidiary, Orecrest Chile SpA. Orecrest raised A$40m in March.",
                   "en")
    assert "Orecrest" in entity(article, "Orecrest Analytics").aliases
    assert entity(article, "Orecrest Chile SpA").kind == "Organization"


def test_a_company_named_in_full_after_a_title_word_is_not_cut():
    found = kinds("Thai power producer Rattanakorn Power Pcl said it had agreed to buy a solar "
                  "developer. Rattanakorn said so in a filing.", "en")
    assert found["Rattanakorn Power Pcl"] == "Organization"
    assert "Rattanakorn" not in found  # the short name is the company's


def test_the_last_words_of_a_person_s_name_are_that_person():
    article = read("Ngoc Thach Solar, founded in 2016 by Nguyen Thi Bich Ngoc and her brother, "
                   "builds solar farms. Bich Ngoc, 44, will remain chief executive.", "en")
    assert "Bich Ngoc" in entity(article, "Nguyen Thi Bich Ngoc").aliases
    assert ("Nguyen Thi Bich Ngoc", "founded", "Ngoc Thach Solar") in facts_of(article)
    assert ("Nguyen Thi Bich Ngoc", "age", 44) in facts_of(article)


def test_a_name_with_a_legal_form_after_an_organization_s_name_is_no_product():
    # an evaluation article where "Ngoc Thach" is also another company's name
    text = (Path(__file__).parent / "eval" / "set11" / "rattanakorn.txt").read_text(
        encoding="utf-8")
    assert entity(read(text, "en"), "Ngoc Thach Solar JSC").kind == "Organization"


def test_a_place_based_name_is_an_organization():
    article = read("Singapore-based Tembusu Kallang said on Wednesday it had agreed to buy "
                   "data centre developer Kelana Edge for $780 million. Tembusu's chief "
                   "operating officer, Aileen Koh, will take charge of Kelana Edge.", "en")
    assert entity(article, "Tembusu Kallang").kind == "Organization"


@pytest.mark.parametrize(("name", "lang"), [
    ("Tembusu Digital Infrastructure", "en"), ("Sungai Minyak Plantations", "en"),
    ("Kelana Infrastruktur", "id")])
def test_a_trade_word_at_the_end_of_a_name_makes_it_a_company(name: str, lang: str):
    said = "said on Monday it would hire more staff." if lang == "en" else \
        "mengatakan akan menambah karyawan."
    assert entity(read(f"{name} {said}", lang), name).kind == "Organization"


@pytest.mark.parametrize("form", ["S.r.l.", "SARL", "Oy", "Srl"])
def test_a_company_with_a_foreign_legal_form_is_not_a_person(form: str):
    article = read(f"Cybersecurity startup Kavyra said it would hire more staff. In September "
                   f"Kavyra set up Kavyra "
                   f"Europe {form}, a Milan-based subsidiary, and hired Elena Marchetti to run "
                   f"it. Kavyra said the unit would sell its software.", "en")
    assert entity(article, "Kavyra").kind == "Organization"
    assert entity(article, "Kavyra") is not entity(article, f"Kavyra Europe {form}")


def test_a_name_after_a_title_is_not_split_where_an_honorific_marks_a_person():
    # "chairman Ong Kah Seng": not the organization "Ong" and the person "Kah Seng", as "Mr
    # Ong" shows
    found = facts("Meranti Hospitality chairman Ong Kah Seng said the board had picked a new "
                  "chief. \"She is the right person,\" said Mr Ong.", "en")
    assert ("Ong Kah Seng", "leads", "Meranti Hospitality") in found


def test_a_full_name_whose_parts_are_used_alone_is_one_person():
    # "Goh Mei Ling" then "Goh, 39," and "Mei Ling": the short forms of one person, not the
    # company "Goh" before a person "Mei Ling" (a run is split so only after a title)
    article = read("SINGAPORE, May 2 — Goh Mei Ling, the chief scientist of AI startup Korvane, "
                   "has left the company. Goh, 39, co-founded Korvane in 2020. \"We wish Mei "
                   "Ling well,\" the startup said.", "en")
    person = entity(article, "Goh Mei Ling")
    assert {"Goh", "Mei Ling"} <= person.aliases
    assert {("Goh Mei Ling", "age", 39), ("Goh Mei Ling", "founded", "Korvane")} \
        <= facts_of(article)


def test_a_round_word_before_a_letter_is_no_name_but_begins_other_names():
    article = read("PT Sawit Lestari melepas 40% saham anak usahanya kepada Seri Wangsa "
                   "Plantations Berhad. Sebelumnya Kopiloka meraih pendanaan Seri A senilai "
                   "US$ 5 juta.", "id")
    names = [e.name for e in article.entities]
    assert "Seri Wangsa Plantations Berhad" in names
    assert not any(name.startswith(("Seri A", "A ")) or name == "A" for name in names)


def test_a_short_name_is_the_company_not_its_unit_starting_with_it():
    # "Lumira" begins "PT Lumira Cantik Indonesia" (after its legal form) as much as "Lumira
    # Beauty Sdn Bhd", but that one is described as a unit ("anak usaha di Malaysia, …"): it
    # is the company's short name, not the unit's; and its old name, though it reads like a
    # person's, is its former name
    article = read("Judul\n\nStartup kosmetik Lumira meraih pendanaan baru. Lumira, yang "
                   "dioperasikan PT Lumira Cantik Indonesia, sebelumnya dikenal dengan nama "
                   "Ayuna Skin. Perusahaan juga mengoperasikan anak usaha di Malaysia, Lumira "
                   "Beauty Sdn Bhd, yang berkantor di Kuala Lumpur. Lumira akan memperluas "
                   "distribusi.", "id")
    company = entity(article, "PT Lumira Cantik Indonesia")
    assert "Lumira" in company.aliases
    assert "Lumira" not in entity(article, "Lumira Beauty Sdn Bhd").aliases
    assert ("PT Lumira Cantik Indonesia", "formerName", "Ayuna Skin") in facts_of(article)


def test_malaysian_names_titles_and_places():
    article = read("Senyum Dental Group Bhd named Dr Lim Shu Wen, 46, as its chief executive. "
                   "Lim will report to executive chairman Datuk Seri Kamal Idris, who founded "
                   "the group in Klang. \"Shu Wen has run our clinics,\" Kamal said. Group chief "
                   "financial officer Vincent Ooi Keng Hock quit to run a rival in Petaling "
                   "Jaya.", "en")
    # one person, though "Lim" and "Shu Wen" are each used alone
    assert {"Lim", "Shu Wen"} <= entity(article, "Lim Shu Wen").aliases
    # a title of two words is not part of the name
    assert entity(article, "Kamal Idris").kind == "Person"
    # four words after a title, all a person's name: not "<company> <person>"
    assert entity(article, "Vincent Ooi Keng Hock").kind == "Person"
    assert entity(article, "Klang").kind == "Place"
    assert entity(article, "Petaling Jaya").kind == "Place"


def test_a_korean_name_after_a_title_is_one_person():
    # "Jae-sung" is one given name though "sung" is a word, and "CEO Oh Jae-sung" is not the
    # company "Oh" and a lone given name, though "Oh" is used alone later
    article = read("Choi will report to Sorivibe Corp CEO Oh Jae-sung, the companies said. "
                   "Oh, 52, took over as chief executive in March. \"Tempo Lab gives us a "
                   "product,\" Oh told reporters.", "en")
    person = entity(article, "Oh Jae-sung")
    assert person.kind == "Person" and "Oh" in person.aliases
    assert ("Oh Jae-sung", "age", 52) in facts_of(article)


def test_the_first_words_of_a_company_s_name_named_as_a_company_are_its_short_name():
    # (once a company itself, by the description after it)
    article = read("The round drew Mekong Frontier Ventures and existing backer Truong Son "
                   "Aerotech, the Hanoi drone maker. Saola was spun out of drone maker Truong "
                   "Son in 2022. Truong Son still holds a stake, the company said.", "en")
    company = entity(article, "Truong Son Aerotech")
    assert company.kind == "Organization" and "Truong Son" in company.aliases


def test_a_place_before_a_list_item_is_that_item_s():
    found = facts("The round drew participation from Mekong Frontier Ventures, Tokyo-based Kiso "
                  "Partners and others.", "en")
    assert ("Kiso Partners", "basedIn", "Tokyo") in found
    assert ("Mekong Frontier Ventures", "basedIn", "Tokyo") not in found


def test_a_cue_with_a_verb_formed_modifier_still_says_what_the_name_is():
    # "layanan berlangganan X": a subscription service, though "berlangganan" is shaped like a
    # verb (which, right before a name, ends the words that may describe it: "menunjuk X")
    article = read("Judul\n\nKilatride tahun ini meluncurkan layanan berlangganan KilatPlus yang "
                   "menawarkan potongan tarif.", "id")
    assert entity(article, "KilatPlus").kind == "Product"


def test_a_name_opened_by_an_acronym_is_a_company_s():
    article = read("KC Reloop will process battery scrap from 2027. KC Reloop will hire 300 "
                   "workers.", "en")
    assert entity(article, "KC Reloop").kind == "Organization"


def test_a_unit_named_a_few_words_after_its_cue_leaves_the_short_name_to_its_parent():
    # "Medisehat Vietnam Co. Ltd." is a unit ("anak usahanya di Vietnam, …"), so "Medisehat"
    # alone is the company named in full, not an ambiguous name
    article = read("PT Medisehat Solusi Digital didirikan pada 2020 oleh Anindya Prameswari. "
                   "Perusahaan juga mengoperasikan anak usahanya di Vietnam, Medisehat Vietnam "
                   "Co. Ltd., sejak tahun lalu. Investor tertarik karena model bisnis Medisehat "
                   "berbasis langganan.", "id")
    assert "Medisehat" in entity(article, "PT Medisehat Solusi Digital").aliases


def test_the_parent_named_after_a_unit_cue_and_a_description_is_not_a_unit():
    article = read("Frostwell is a subsidiary of Hanoi-listed conglomerate VinaPeak Holdings. "
                   "Frostwell said VinaPeak would keep its stake.", "en")
    assert "VinaPeak" in entity(article, "VinaPeak Holdings").aliases


def test_an_honorific_before_a_name_says_a_person():
    # "Zainal" alone is the founder introduced with his honorific, not the son named later
    # nor the company "Zainal Food Industries Bhd"
    article = read("Serantau Foods Bhd founder Tan Sri Zainal Abidin Harun will retire. "
                   "Zainal, 74, founded the business in 1988 as Zainal Food Industries Bhd. "
                   "Zainal's son, Faris Zainal, resigned from Serantau last year.", "en")
    assert "Zainal" in entity(article, "Zainal Abidin Harun").aliases
    assert ("Zainal Abidin Harun", "age", 74) in facts_of(article)


def test_an_english_title_is_followed_by_the_person_alone():
    # English names the organization before the title ("Mercu Securities analyst"), so the
    # words after a title are one person's name, however many
    article = read("Mercu Securities analyst Chong Mei Ling said the market would approve. "
                   "Day-to-day operations remain under group chief executive officer "
                   "Lim Wei Sheng.", "en")
    assert entity(article, "Chong Mei Ling").kind == entity(article, "Lim Wei Sheng").kind \
        == "Person"
    assert ("Chong Mei Ling", "worksFor", "Mercu Securities") in facts_of(article)
    assert not any(e.name.startswith(("Chong", "-to", "Day")) and e.kind == "Organization"
                   for e in article.entities)


def test_a_quarter_of_a_year_is_no_name():
    article = read("Akuisisi PT Gudang Beku Makassar ditargetkan tuntas pada kuartal IV-2025. "
                   "Sepanjang semester I-2025, laba naik. Pada kuartal IV-2025 pabrik dibuka.",
                   "id")
    assert not any("2025" in e.name for e in article.entities)


def test_a_line_of_things_and_a_name_after_a_product_s_say_product():
    article = read("Heronwing Robotics launched Egret, a line of autonomous inspection drones. "
                   "A docking station, the Egret Dock, comes with them. Japanese trading house "
                   "Mizukawa Shoji will sell the Egret drones and the Egret Dock.", "en")
    assert entity(article, "Egret").kind == entity(article, "Egret Dock").kind == "Product"
    assert entity(article, "Mizukawa Shoji").kind == "Organization"


def test_the_first_words_of_a_company_with_a_legal_form_stay_its_name_whatever_describes_it():
    # "a nickel processor" votes for a product, but "PT" says company
    article = read("Noeul Battery will invest 420 billion won in PT Halmahera Nikel Mandiri, an "
                   "Indonesian nickel processor, for a 30% stake. Halmahera Nikel runs a plant "
                   "on Halmahera island.", "en")
    assert "Halmahera Nikel" in entity(article, "PT Halmahera Nikel Mandiri").aliases


def test_a_short_name_shared_with_a_venture_named_later_is_the_parent_s():
    article = read("Thai snack maker Suanthong Consumer Pcl will set up a joint venture, PT "
                   "Suanthong Mitra Indonesia, with a local partner. Suanthong will invest 1.2 "
                   "billion baht for a 51% stake.", "en")
    assert "Suanthong" in entity(article, "Suanthong Consumer Pcl").aliases


def test_a_thing_called_by_its_name_after_a_comma_and_aims_for_a_product():
    article = read("Orvella Kiko Corp. makes robots. The robot, called Hibiki, picks 600 items "
                   "an hour. The company aims for Hibiki to reach 20 billion yen in sales.", "en")
    assert entity(article, "Hibiki").kind == "Product"


def test_an_institute_for_a_field_is_one_name():
    article = read("Anne Kolb, a former researcher at the National Institute for Mechatronic "
                   "Studies, joined Orvella Kiko Corp. in May.", "en")
    assert entity(article, "National Institute for Mechatronic Studies").kind == "Organization"


def test_a_short_name_used_before_a_rival_is_named_is_the_first_company_s():
    article = read("Tarvik Infotech, the Pune-based IT services company, released a model. "
                   "Tarvik claims the model beats larger rivals. The lab, which was known as "
                   "the Tarvik Centre for Machine Perception until last year, employs 140 "
                   "researchers.", "en")
    assert "Tarvik" in entity(article, "Tarvik Infotech").aliases
    assert entity(article, "Tarvik Centre for Machine Perception").kind == "Organization"


def test_three_words_after_an_indonesian_title_are_one_person_unless_a_company_is_named_so():
    found = facts("Direktur Teknik Bonifasius Pardosi dan Direktur Keuangan Sri Ayu Nasution "
                  "tetap dipertahankan.", "id")
    assert ("Sri Ayu Nasution", "jobTitle", "Direktur Keuangan") in found


def test_a_company_from_a_city_makes_the_city_a_place():
    article = read("Siklora menggandeng Geumdo Recycle Co., perusahaan asal Gimhae, Korea "
                   "Selatan, sebagai mitra.", "id")
    assert entity(article, "Gimhae").kind == "Place"


def test_a_family_name_second_of_four_words_calls_the_person():
    article = read("Adrian Khoo Wei Jie, the co-founder of Lunapay Sdn Bhd, has resigned. "
                   "Khoo, 39, will leave at the end of the month.", "en")
    assert "Khoo" in entity(article, "Adrian Khoo Wei Jie").aliases


def test_a_company_s_first_words_written_as_one_and_a_number_opening_a_quote():
    article = read("PT Sinar Mandiri Niaga Tbk mengakuisisi 70% saham PT Rupa Sari Indonesia, "
                   "pemilik merek kosmetik Rupasari. Laras Maheswati tetap menjabat CEO "
                   "Rupasari. \"Tujuh tahun kami membangun Rupasari,\" tutur Laras.", "id")
    assert "Rupasari" in entity(article, "PT Rupa Sari Indonesia").aliases
    assert not any(e.name == "Tujuh" for e in article.entities)


def test_a_quoted_title_after_a_year_and_a_cue_and_a_compass_word_alone():
    text = ("South Korean game publisher Hanbit Play said its new game sold well. Seo Jun-ho, "
            "who worked at Studio Maru as a producer and led the studio's 2019 hit \"Iron "
            "Lute,\" left in 2022.")
    article = read(text, "en")
    assert entity(article, "Iron Lute").kind == "Product"
    assert not any(e.name == "South" for e in article.entities)


def test_a_company_before_a_reporting_clause_is_not_described_by_it():
    article = read("Pravin Freight Ltd, a Mumbai-based trucking company, has renamed itself "
                   "Arohi Logistics Ltd and has hired a new chief financial officer from rival "
                   "Durabond Logistics, the company said on Monday.", "en")
    assert "company" not in entity(article, "Durabond Logistics").descriptors
    assert "Pravin Freight Ltd" in entity(article, "Arohi Logistics Ltd").aliases
