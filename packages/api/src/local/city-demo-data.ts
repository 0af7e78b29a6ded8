/**
 * Kelurahan of Kota Bandung by kecamatan, for the demo city (Bandung has 151 kelurahan in 30 kecamatan).
 * Names are real; the demo's region codes are made up from the list's order (see city-demo.ts), so do not
 * use them for anything but a demo.
 */
export const BANDUNG_KECAMATAN: Record<string, string[]> = {
  Andir: ['Campaka', 'Ciroyom', 'Dungus Cariang', 'Garuda', 'Kebon Jeruk', 'Maleber'],
  Antapani: ['Antapani Kidul', 'Antapani Kulon', 'Antapani Tengah', 'Antapani Wetan'],
  Arcamanik: ['Cisaranten Bina Harapan', 'Cisaranten Endah', 'Cisaranten Kulon', 'Sukamiskin'],
  Astanaanyar: ['Cibadak', 'Karanganyar', 'Karasak', 'Nyengseret', 'Panjunan', 'Pelindung Hewan'],
  'Babakan Ciparay': ['Babakan', 'Babakan Ciparay', 'Cirangrang', 'Margahayu Utara', 'Margasuka', 'Sukahaji'],
  'Bandung Kidul': ['Batununggal', 'Kujangsari', 'Mengger', 'Wates'],
  'Bandung Kulon': ['Caringin', 'Cibuntu', 'Cigondewah Kaler', 'Cigondewah Kidul', 'Cigondewah Rahayu', 'Cijerah', 'Gempolsari', 'Warung Muncang'],
  'Bandung Wetan': ['Cihapit', 'Citarum', 'Tamansari'],
  Batununggal: ['Binong', 'Gumuruh', 'Kacapiring', 'Kebon Gedang', 'Kebonwaru', 'Maleer', 'Samoja'],
  'Bojongloa Kaler': ['Babakan Asih', 'Babakan Tarogong', 'Jamika', 'Kopo', 'Suka Asih'],
  'Bojongloa Kidul': ['Cibaduyut', 'Cibaduyut Kidul', 'Cibaduyut Wetan', 'Kebon Lega', 'Mekarwangi', 'Situsaeur'],
  Buahbatu: ['Cijawura', 'Jatisari', 'Margasari', 'Sekejati'],
  'Cibeunying Kaler': ['Cigadung', 'Cihaurgeulis', 'Neglasari'],
  'Cibeunying Kidul': ['Cicadas', 'Cikutra', 'Padasuka', 'Pasirlayung', 'Sukamaju', 'Sukapada'],
  Cibiru: ['Cipadung', 'Cisurupan', 'Palasari', 'Pasirbiru'],
  Cicendo: ['Arjuna', 'Husein Sastranegara', 'Pajajaran', 'Pamoyanan', 'Pasirkaliki', 'Sukaraja'],
  Cidadap: ['Ciumbuleuit', 'Hegarmanah', 'Ledeng'],
  Cinambo: ['Babakan Penghulu', 'Cisaranten Wetan', 'Pakemitan', 'Sukamulya'],
  Coblong: ['Cipaganti', 'Lebak Gede', 'Lebak Siliwangi', 'Sadang Serang'],
  Gedebage: ['Cimincrang', 'Rancabolang'],
  Kiaracondong: ['Babakan Sari', 'Babakan Surabaya', 'Cicaheum', 'Kebon Jayanti', 'Kebon Kangkung', 'Sukapura'],
  Lengkong: ['Burangrang', 'Cijagra', 'Cikawao', 'Lingkar Selatan', 'Malabar', 'Paledang', 'Turangga'],
  Mandalajati: ['Jatihandap', 'Karang Pamulang', 'Pasir Impun', 'Sindang Jaya'],
  Panyileukan: ['Cipadung Kidul', 'Cipadung Kulon', 'Cipadung Wetan', 'Mekar Mulya'],
  Rancasari: ['Cipamokolan', 'Darwati', 'Manjahlega', 'Mekar Jaya'],
  Regol: ['Ancol', 'Balonggede', 'Ciateul', 'Cigereleng', 'Ciseureuh', 'Pasirluyu', 'Pungkur'],
  Sukajadi: ['Cipedes', 'Pasteur', 'Sukabungah', 'Sukagalih', 'Sukawarna'],
  Sukasari: ['Gegerkalong', 'Isola', 'Sarijadi', 'Sukarasa'],
  'Sumur Bandung': ['Babakan Ciamis', 'Braga', 'Kebon Pisang', 'Merdeka'],
  Ujungberung: ['Cigending', 'Pasanggrahan', 'Pasirendah', 'Pasirjati', 'Pasirwangi'],
};
