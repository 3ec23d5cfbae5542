<?xml version="1.0" encoding="UTF-8"?>
<!-- Hand-written SIP core test file, 2021 EGiB schema (EGIB.XSD 1.10): property
     addresses (EGB_AdresNieruchomosci) before and after the parcels and the
     building that refer to them, an inline one, and a subject's address that a
     parcel refers to by mistake. Invented data. -->
<gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml/3.2"
    xmlns:egb="ewidencjaGruntowIBudynkow:1.0"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    gml:id="fc">
  <gml:featureMember>
    <egb:EGB_AdresNieruchomosci gml:id="PL.PZGiK.9902.EGiB_a1000000-0000-4000-8000-000000000001_2015-06-01T10-00-00">
      <egb:idIIP><egb:EGB_IdentyfikatorIIP>
        <egb:lokalnyId>a1000000-0000-4000-8000-000000000001</egb:lokalnyId>
        <egb:przestrzenNazw>PL.PZGiK.9902.EGiB</egb:przestrzenNazw>
        <egb:wersjaId>2015-06-01T10:00:00</egb:wersjaId>
      </egb:EGB_IdentyfikatorIIP></egb:idIIP>
      <egb:startObiekt>2010-03-01T09:00:00</egb:startObiekt>
      <egb:startWersjaObiekt>2015-06-01T10:00:00</egb:startWersjaObiekt>
      <egb:nazwaMiejscowosci>Łask</egb:nazwaMiejscowosci>
      <egb:idMiejscowosci>0976044</egb:idMiejscowosci>
      <egb:nazwaUlicy>Kościuszki</egb:nazwaUlicy>
      <egb:idNazwyUlicy>09520</egb:idNazwyUlicy>
      <egb:numerPorzadkowy>12</egb:numerPorzadkowy>
      <egb:geometria><gml:Point gml:id="gA1" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>749015 487020</gml:pos></gml:Point></egb:geometria>
    </egb:EGB_AdresNieruchomosci>
  </gml:featureMember>
  <gml:featureMember>
    <egb:EGB_DzialkaEwidencyjna gml:id="PL.PZGiK.9902.EGiB_31000000-0000-4000-8000-000000000001_2021-05-04T10-00-00">
      <egb:idIIP><egb:EGB_IdentyfikatorIIP>
        <egb:lokalnyId>31000000-0000-4000-8000-000000000001</egb:lokalnyId>
        <egb:przestrzenNazw>PL.PZGiK.9902.EGiB</egb:przestrzenNazw>
        <egb:wersjaId>2021-05-04T10:00:00</egb:wersjaId>
      </egb:EGB_IdentyfikatorIIP></egb:idIIP>
      <egb:startObiekt>2019-01-15T08:00:00</egb:startObiekt>
      <egb:startWersjaObiekt>2021-05-04T10:00:00</egb:startWersjaObiekt>
      <egb:idDzialki>990201_1.0001.5/1</egb:idDzialki>
      <egb:geometria>
        <gml:Polygon gml:id="g_31000000" srsName="urn:ogc:def:crs:EPSG::2180">
          <gml:exterior><gml:LinearRing><gml:posList>749000 487000 749000 487040 749030 487040 749030 487000 749000 487000</gml:posList></gml:LinearRing></gml:exterior>
        </gml:Polygon>
      </egb:geometria>
      <egb:poleEwidencyjne uom="ha">0.1200</egb:poleEwidencyjne>
      <egb:dokladnoscReprezentacjiPola>1</egb:dokladnoscReprezentacjiPola>
      <egb:klasouzytek><egb:EGB_Klasouzytek><egb:OFU>B</egb:OFU><egb:powierzchnia uom="ha">0.1200</egb:powierzchnia></egb:EGB_Klasouzytek></egb:klasouzytek>
      <egb:adresDzialki xlink:href="urn:pzgik:id:PL.PZGiK.9902.EGiB:a1000000-0000-4000-8000-000000000001"/>
      <egb:adresDzialki xlink:href="urn:pzgik:id:PL.PZGiK.9902.EGiB:a1000000-0000-4000-8000-000000000002"/>
      <egb:adresDzialki xlink:href="urn:pzgik:id:PL.PZGiK.9902.EGiB:a1000000-0000-4000-8000-000000000001"/>
      <egb:lokalizacjaDzialki xlink:href="urn:pzgik:id:PL.PZGiK.9902.EGiB:21000000-0000-4000-8000-000000000001"/>
    </egb:EGB_DzialkaEwidencyjna>
  </gml:featureMember>
  <gml:featureMember>
    <egb:EGB_DzialkaEwidencyjna gml:id="PL.PZGiK.9902.EGiB_31000000-0000-4000-8000-000000000002_2021-05-04T10-00-00">
      <egb:idIIP><egb:EGB_IdentyfikatorIIP>
        <egb:lokalnyId>31000000-0000-4000-8000-000000000002</egb:lokalnyId>
        <egb:przestrzenNazw>PL.PZGiK.9902.EGiB</egb:przestrzenNazw>
        <egb:wersjaId>2021-05-04T10:00:00</egb:wersjaId>
      </egb:EGB_IdentyfikatorIIP></egb:idIIP>
      <egb:startObiekt>2019-01-15T08:00:00</egb:startObiekt>
      <egb:startWersjaObiekt>2021-05-04T10:00:00</egb:startWersjaObiekt>
      <egb:idDzialki>990201_1.0001.6</egb:idDzialki>
      <egb:geometria>
        <gml:Polygon gml:id="g_31000000" srsName="urn:ogc:def:crs:EPSG::2180">
          <gml:exterior><gml:LinearRing><gml:posList>749000 487040 749000 487080 749030 487080 749030 487040 749000 487040</gml:posList></gml:LinearRing></gml:exterior>
        </gml:Polygon>
      </egb:geometria>
      <egb:poleEwidencyjne uom="ha">0.1200</egb:poleEwidencyjne>
      <egb:dokladnoscReprezentacjiPola>1</egb:dokladnoscReprezentacjiPola>
      <egb:klasouzytek><egb:EGB_Klasouzytek><egb:OFU>B</egb:OFU><egb:powierzchnia uom="ha">0.1200</egb:powierzchnia></egb:EGB_Klasouzytek></egb:klasouzytek>
      <egb:adresDzialki xlink:href="urn:pzgik:id:PL.PZGiK.9902.EGiB:a1000000-0000-4000-8000-000000000003"/>
      <egb:lokalizacjaDzialki xlink:href="urn:pzgik:id:PL.PZGiK.9902.EGiB:21000000-0000-4000-8000-000000000001"/>
    </egb:EGB_DzialkaEwidencyjna>
  </gml:featureMember>
  <gml:featureMember>
    <egb:EGB_DzialkaEwidencyjna gml:id="PL.PZGiK.9902.EGiB_31000000-0000-4000-8000-000000000003_2021-05-04T10-00-00">
      <egb:idIIP><egb:EGB_IdentyfikatorIIP>
        <egb:lokalnyId>31000000-0000-4000-8000-000000000003</egb:lokalnyId>
        <egb:przestrzenNazw>PL.PZGiK.9902.EGiB</egb:przestrzenNazw>
        <egb:wersjaId>2021-05-04T10:00:00</egb:wersjaId>
      </egb:EGB_IdentyfikatorIIP></egb:idIIP>
      <egb:startObiekt>2019-01-15T08:00:00</egb:startObiekt>
      <egb:startWersjaObiekt>2021-05-04T10:00:00</egb:startWersjaObiekt>
      <egb:idDzialki>990201_1.0001.7</egb:idDzialki>
      <egb:geometria>
        <gml:Polygon gml:id="g_31000000" srsName="urn:ogc:def:crs:EPSG::2180">
          <gml:exterior><gml:LinearRing><gml:posList>749000 487080 749000 487120 749030 487120 749030 487080 749000 487080</gml:posList></gml:LinearRing></gml:exterior>
        </gml:Polygon>
      </egb:geometria>
      <egb:poleEwidencyjne uom="ha">0.1200</egb:poleEwidencyjne>
      <egb:dokladnoscReprezentacjiPola>1</egb:dokladnoscReprezentacjiPola>
      <egb:klasouzytek><egb:EGB_Klasouzytek><egb:OFU>B</egb:OFU><egb:powierzchnia uom="ha">0.1200</egb:powierzchnia></egb:EGB_Klasouzytek></egb:klasouzytek>
      <egb:adresDzialki xlink:href="urn:pzgik:id:PL.PZGiK.9902.EGiB:b1000000-0000-4000-8000-000000000001"/>
      <egb:adresDzialki><egb:EGB_AdresPodmiotu gml:id="ADR.P2">
        <egb:kraj>Polska</egb:kraj><egb:miejscowosc>Nibylandia Tajna</egb:miejscowosc>
        <egb:ulica>Sekretna</egb:ulica><egb:numerPorzadkowy>98</egb:numerPorzadkowy>
      </egb:EGB_AdresPodmiotu></egb:adresDzialki>
      <egb:adresDzialki><egb:EGB_AdresNieruchomosci gml:id="ADR.INLINE">
        <egb:nazwaMiejscowosci>Kolumna</egb:nazwaMiejscowosci>
        <egb:numerPorzadkowy>9</egb:numerPorzadkowy>
      </egb:EGB_AdresNieruchomosci></egb:adresDzialki>
      <egb:lokalizacjaDzialki xlink:href="urn:pzgik:id:PL.PZGiK.9902.EGiB:21000000-0000-4000-8000-000000000001"/>
    </egb:EGB_DzialkaEwidencyjna>
  </gml:featureMember>
  <gml:featureMember>
    <egb:EGB_Budynek gml:id="PL.PZGiK.9902.EGiB_71000000-0000-4000-8000-000000000001_2021-05-04T10-00-00">
      <egb:idIIP><egb:EGB_IdentyfikatorIIP>
        <egb:lokalnyId>71000000-0000-4000-8000-000000000001</egb:lokalnyId>
        <egb:przestrzenNazw>PL.PZGiK.9902.EGiB</egb:przestrzenNazw>
        <egb:wersjaId>2021-05-04T10:00:00</egb:wersjaId>
      </egb:EGB_IdentyfikatorIIP></egb:idIIP>
      <egb:startObiekt>2021-05-04T10:00:00</egb:startObiekt>
      <egb:startWersjaObiekt>2021-05-04T10:00:00</egb:startWersjaObiekt>
      <egb:idBudynku>990201_1.0001.5/1.1_BUD</egb:idBudynku>
      <egb:geometria>
        <gml:MultiSurface gml:id="gB1" srsName="urn:ogc:def:crs:EPSG::2180">
          <gml:surfaceMember><gml:Polygon gml:id="gB1.1"><gml:exterior><gml:LinearRing>
            <gml:posList>749010 487010 749010 487030 749020 487030 749020 487010 749010 487010</gml:posList>
          </gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>
        </gml:MultiSurface>
      </egb:geometria>
      <egb:rodzajWgKST>110</egb:rodzajWgKST>
      <egb:liczbaKondygnacjiNadziemnych>2</egb:liczbaKondygnacjiNadziemnych>
      <egb:powZabudowy uom="m2">200</egb:powZabudowy>
      <egb:dzialkaZabudowana xlink:href="urn:pzgik:id:PL.PZGiK.9902.EGiB:31000000-0000-4000-8000-000000000001"/>
      <egb:adresBudynku xlink:href="urn:pzgik:id:PL.PZGiK.9902.EGiB:a1000000-0000-4000-8000-000000000001"/>
      <egb:adresBudynku xlink:href="#ADR.N4"/>
    </egb:EGB_Budynek>
  </gml:featureMember>
  <gml:featureMember>
    <egb:EGB_AdresNieruchomosci gml:id="PL.PZGiK.9902.EGiB_a1000000-0000-4000-8000-000000000002_2018-01-10T12-00-00">
      <egb:idIIP><egb:EGB_IdentyfikatorIIP>
        <egb:lokalnyId>a1000000-0000-4000-8000-000000000002</egb:lokalnyId>
        <egb:przestrzenNazw>PL.PZGiK.9902.EGiB</egb:przestrzenNazw>
        <egb:wersjaId>2018-01-10T12:00:00</egb:wersjaId>
      </egb:EGB_IdentyfikatorIIP></egb:idIIP>
      <egb:startObiekt>2010-03-01T09:00:00</egb:startObiekt>
      <egb:startWersjaObiekt>2018-01-10T12:00:00</egb:startWersjaObiekt>
      <egb:nazwaMiejscowosci>Łask</egb:nazwaMiejscowosci>
      <egb:nazwaUlicy>Aleja   Jana Pawła II</egb:nazwaUlicy>
      <egb:numerPorzadkowy>3</egb:numerPorzadkowy>
      <egb:dodatkoweInformacje>właścicielka Zdzisława Fikcyjnowska</egb:dodatkoweInformacje>
    </egb:EGB_AdresNieruchomosci>
  </gml:featureMember>
  <gml:featureMember>
    <egb:EGB_AdresNieruchomosci gml:id="PL.PZGiK.9902.EGiB_a1000000-0000-4000-8000-000000000002_2010-03-01T09-00-00">
      <egb:idIIP><egb:EGB_IdentyfikatorIIP>
        <egb:lokalnyId>a1000000-0000-4000-8000-000000000002</egb:lokalnyId>
        <egb:przestrzenNazw>PL.PZGiK.9902.EGiB</egb:przestrzenNazw>
        <egb:wersjaId>2010-03-01T09:00:00</egb:wersjaId>
      </egb:EGB_IdentyfikatorIIP></egb:idIIP>
      <egb:startObiekt>2010-03-01T09:00:00</egb:startObiekt>
      <egb:startWersjaObiekt>2010-03-01T09:00:00</egb:startWersjaObiekt>
      <egb:koniecWersjaObiekt>2018-01-10T12:00:00</egb:koniecWersjaObiekt>
      <egb:nazwaMiejscowosci>Łask</egb:nazwaMiejscowosci>
      <egb:nazwaUlicy>Świerczewskiego</egb:nazwaUlicy>
      <egb:numerPorzadkowy>3</egb:numerPorzadkowy>
    </egb:EGB_AdresNieruchomosci>
  </gml:featureMember>
  <gml:featureMember>
    <egb:EGB_AdresNieruchomosci gml:id="PL.PZGiK.9902.EGiB_a1000000-0000-4000-8000-000000000003_2012-07-01T08-00-00">
      <egb:idIIP><egb:EGB_IdentyfikatorIIP>
        <egb:lokalnyId>a1000000-0000-4000-8000-000000000003</egb:lokalnyId>
        <egb:przestrzenNazw>PL.PZGiK.9902.EGiB</egb:przestrzenNazw>
        <egb:wersjaId>2012-07-01T08:00:00</egb:wersjaId>
      </egb:EGB_IdentyfikatorIIP></egb:idIIP>
      <egb:startObiekt>2010-03-01T09:00:00</egb:startObiekt>
      <egb:startWersjaObiekt>2012-07-01T08:00:00</egb:startWersjaObiekt>
      <egb:nazwaMiejscowosci>Kolumna</egb:nazwaMiejscowosci>
      <egb:nazwaUlicy xsi:nil="true" nilReason="inapplicable"/>
      <egb:numerPorzadkowy>7A</egb:numerPorzadkowy>
    </egb:EGB_AdresNieruchomosci>
  </gml:featureMember>
  <gml:featureMember>
    <egb:EGB_AdresNieruchomosci gml:id="ADR.N4">
      <egb:idIIP><egb:EGB_IdentyfikatorIIP>
        <egb:lokalnyId>a1000000-0000-4000-8000-000000000004</egb:lokalnyId>
        <egb:przestrzenNazw>PL.PZGiK.9902.EGiB</egb:przestrzenNazw>
        <egb:wersjaId>2012-07-01T08:00:00</egb:wersjaId>
      </egb:EGB_IdentyfikatorIIP></egb:idIIP>
      <egb:startObiekt>2010-03-01T09:00:00</egb:startObiekt>
      <egb:startWersjaObiekt>2012-07-01T08:00:00</egb:startWersjaObiekt>
      <egb:nazwaMiejscowosci>Łask</egb:nazwaMiejscowosci>
      <egb:nazwaUlicy>Rynek</egb:nazwaUlicy>
      <egb:numerPorzadkowy>1</egb:numerPorzadkowy>
    </egb:EGB_AdresNieruchomosci>
  </gml:featureMember>
  <gml:featureMember>
    <egb:EGB_OsobaFizyczna gml:id="OS.9">
      <egb:idIIP><egb:EGB_IdentyfikatorIIP>
        <egb:lokalnyId>60000000-0000-4000-8000-000000000009</egb:lokalnyId>
        <egb:przestrzenNazw>PL.PZGiK.9902.EGiB</egb:przestrzenNazw>
        <egb:wersjaId>2021-05-04T10:00:00</egb:wersjaId>
      </egb:EGB_IdentyfikatorIIP></egb:idIIP>
      <egb:startObiekt>2019-01-15T08:00:00</egb:startObiekt>
      <egb:startWersjaObiekt>2019-01-15T08:00:00</egb:startWersjaObiekt>
      <egb:pierwszeImie>Zdzisława</egb:pierwszeImie>
      <egb:pierwszyCzlonNazwiska>Fikcyjnowska</egb:pierwszyCzlonNazwiska>
      <egb:pesel>71032907788</egb:pesel>
      <egb:adresZameldowania xlink:href="urn:pzgik:id:PL.PZGiK.9902.EGiB:b1000000-0000-4000-8000-000000000001"/>
    </egb:EGB_OsobaFizyczna>
  </gml:featureMember>
  <gml:featureMember>
    <egb:EGB_AdresPodmiotu gml:id="PL.PZGiK.9902.EGiB_b1000000-0000-4000-8000-000000000001_2021-05-04T10-00-00">
      <egb:idIIP><egb:EGB_IdentyfikatorIIP>
        <egb:lokalnyId>b1000000-0000-4000-8000-000000000001</egb:lokalnyId>
        <egb:przestrzenNazw>PL.PZGiK.9902.EGiB</egb:przestrzenNazw>
        <egb:wersjaId>2021-05-04T10:00:00</egb:wersjaId>
      </egb:EGB_IdentyfikatorIIP></egb:idIIP>
      <egb:startObiekt>2019-01-15T08:00:00</egb:startObiekt>
      <egb:startWersjaObiekt>2019-01-15T08:00:00</egb:startWersjaObiekt>
      <egb:kraj>Polska</egb:kraj>
      <egb:miejscowosc>Nibylandia Tajna</egb:miejscowosc>
      <egb:kodPocztowy>99-999</egb:kodPocztowy>
      <egb:ulica>Sekretna</egb:ulica>
      <egb:numerPorzadkowy>99</egb:numerPorzadkowy>
    </egb:EGB_AdresPodmiotu>
  </gml:featureMember>
</gml:FeatureCollection>
