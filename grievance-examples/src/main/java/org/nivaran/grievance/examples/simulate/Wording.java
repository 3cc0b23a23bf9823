package org.nivaran.grievance.examples.simulate;

import org.nivaran.grievance.complaint.Complaint;

/** What the simulated people say: complaint descriptions, requests for documents, replies. Stateless. */
final class Wording {
  private Wording() {}

  /** The description an agent types for a caller's complaint. */
  static String describe(Behaviour.Caller caller) {
    String text = switch (caller.category()) {
      case "ENERGY.SUPPLY.OUTAGE" -> "दो दिन से बिजली नहीं है";
      case "ENERGY.TRANSFORMER" -> "मोहल्ले का ट्रांसफ़ॉर्मर जल गया है";
      case "ENERGY.BILL" -> "इस महीने बिजली बिल बहुत अधिक आया है";
      case "PHE.HANDPUMP" -> "गाँव का हैंडपंप एक सप्ताह से बंद है";
      case "PHE.PIPELINE" -> "पेयजल पाइपलाइन फूटी है, पानी बह रहा है";
      case "PHE.NO-SUPPLY" -> "नल में तीन दिन से पानी नहीं आया";
      case "MUNICIPAL.GARBAGE" -> "गली से कचरा नहीं उठाया जा रहा";
      case "MUNICIPAL.STREETLIGHT" -> "सड़क की स्ट्रीट लाइट बंद है";
      case "MUNICIPAL.DRAIN" -> "नाली जाम है, पानी सड़क पर भर रहा है";
      case "REVENUE.MUTATION" -> "ज़मीन का नामांतरण महीनों से लंबित है";
      case "REVENUE.DEMARCATION" -> "खेत का सीमांकन नहीं हुआ";
      case "REVENUE.CERTIFICATE" -> "आय प्रमाण पत्र अब तक नहीं मिला";
      case "HEALTH.DOCTOR" -> "स्वास्थ्य केंद्र में डॉक्टर नहीं मिलते";
      case "HEALTH.AMBULANCE" -> "बुलाने पर एम्बुलेंस नहीं आई";
      case "HEALTH.MEDICINE" -> "अस्पताल में दवाइयाँ नहीं मिल रहीं";
      case "FOOD.RATION" -> "इस महीने का राशन नहीं मिला";
      case "FOOD.CARD" -> "राशन कार्ड के लिए आवेदन किया, कार्ड नहीं बना";
      default -> "राशन दुकान समय पर नहीं खुलती";
    };
    return caller.repeat() ? "दोबारा कॉल: " + text : text;
  }

  /** What an officer asks the citizen to send. */
  static String documentsFor(Complaint c) {
    String department = c.assignment().orElseThrow().department();
    return switch (department) {
      case "REVENUE" -> "कृपया खसरा और बी-1 की प्रति भेजें";
      case "FOOD" -> "कृपया राशन कार्ड और आधार की प्रति भेजें";
      case "ENERGY" -> "कृपया बिजली बिल की प्रति भेजें";
      default -> "कृपया स्थान का फ़ोटो और पूरा पता भेजें";
    };
  }

  /** An officer's reply for the complaint's department. */
  static String replyFor(Complaint c) {
    String department = c.assignment().orElseThrow().department();
    return switch (department) {
      case "ENERGY" -> "लाइनमैन भेजकर आपूर्ति बहाल की गई।";
      case "PHE" -> "मरम्मत कर पेयजल आपूर्ति बहाल की गई।";
      case "MUNICIPAL" -> "सफ़ाई दल भेजकर समस्या का निराकरण किया गया।";
      case "REVENUE" -> "प्रकरण का निराकरण कर आदेश पारित किया गया।";
      case "HEALTH" -> "संबंधित केंद्र को निर्देशित कर व्यवस्था सुधारी गई।";
      default -> "हितग्राही को राशन एवं कार्ड उपलब्ध करा दिया गया।";
    };
  }
}
