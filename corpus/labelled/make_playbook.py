#!/usr/bin/env python3
"""Builds corpus/labelled/playbook.jsonl: a labelled set, in CUAD's format, for the two
playbook checks CUAD has no category for (data-deletion and genai-output).

Each item is a short contract excerpt written for this set from PLAYBOOK.md (sections
"data-deletion" and "genai-output"), in varied drafting styles, plus near-misses that use the
same words in another sense and must not be labelled. Labelled spans are marked inline:

    {{DD|...}}  a "Data Deletion" span: return, deletion, destruction or purge of the client's
                data on termination, completion or request (with its backup/aggregate carve-outs)
    {{GO|...}}  a "GenAI Output Ownership" span: who owns AI-generated output, prompts, model
                weights or model deliverables; warranties or disclaimers about generated
                content; the client being bound by an upstream model provider's terms

The script strips the markers and computes each span's character (code point) offset, so
`text[start:start+len(span)] == span` holds for every span, exactly as in CUAD's file. Every
record labels both categories (an empty list = labelled, none present). Items are shuffled
with a fixed seed so both categories and the near-misses spread over the folds (i % 5).

Run:  python3 corpus/labelled/make_playbook.py   (rewrites playbook.jsonl next to it)
"""

import json
import os
import random
import re

CATEGORIES = {"DD": "Data Deletion", "GO": "GenAI Output Ownership"}
MARK = re.compile(r"\{\{(DD|GO)\|(.*?)\}\}", re.S)

# (id, text). Ids say what an item is for, so error listings read; checks never see them.
ITEMS = [
    # ---------------------------------------------------------------- data deletion: positives
    ("dd-msa-return-or-destroy-30-days", """MASTER SERVICES AGREEMENT

9. TERM AND TERMINATION
9.1 This Agreement commences on the Effective Date and continues until terminated in accordance with this Section 9.
9.2 Either party may terminate this Agreement upon thirty (30) days' written notice if the other party materially breaches it and fails to cure the breach within that period.
9.3 {{DD|Upon termination or expiration of this Agreement, Provider shall, at Client's election, return or destroy all Client Data in its possession or control within thirty (30) days and, upon request, certify such destruction in writing.}}
"""),
    ("dd-dpa-purge-backups-90-days", """DATA PROCESSING ADDENDUM

Section 6. Deletion
{{DD|Within sixty (60) days after the end of the provision of the Services, Vendor will purge all Customer Personal Data from its production systems. Copies held in routine disaster-recovery backups may be retained until they are overwritten in the ordinary course of Vendor's backup cycle, which shall not exceed ninety (90) days, and shall remain subject to this Addendum until then.}}

Section 7. Audits
Customer may, no more than once per calendar year, audit Vendor's compliance with this Addendum on thirty (30) days' prior written notice.
"""),
    ("dd-consulting-defined-term-client-materials", """CONSULTING AGREEMENT

1. Definitions
"Client Materials" means all data, datasets, documents, credentials and other materials supplied by or on behalf of Client to Consultant in connection with the Project.
"Completion Date" means the date on which Client accepts the final Deliverable.

7. Client Materials
7.1 Consultant shall use the Client Materials solely to perform the Project.
7.2 {{DD|Promptly, and in any event no later than fifteen (15) days, following the Completion Date, Consultant shall deliver to Client all Client Materials in its possession and shall permanently delete all remaining copies from its systems, including those held by its subcontractors.}}
"""),
    ("dd-supply-effect-of-termination-subclauses", """12. EFFECT OF TERMINATION
12.1 Upon any termination or expiry of this Agreement:
(a) all licences granted under this Agreement shall immediately terminate;
(b) the Customer shall pay all undisputed Charges for Services performed up to the date of termination;
(c) {{DD|the Supplier shall securely erase all Customer Data held by it or any of its Sub-processors within fourteen (14) days and shall provide the Customer with a certificate of erasure signed by an authorised officer}}; and
(d) each party shall return the other's Confidential Information.
12.2 Clauses 10 (Liability), 14 (Confidentiality) and 18 (Governing Law) survive termination.
"""),
    ("dd-gdpr-processor-clause", """STANDARD PROCESSING TERMS

Article 8 - End of processing
{{DD|At the choice of the Controller, the Processor shall delete or return all the personal data to the Controller after the end of the provision of services relating to processing, and delete existing copies unless Union or Member State law requires storage of the personal data.}}

Article 9 - Sub-processors
The Processor shall not engage another processor without prior specific or general written authorisation of the Controller.
"""),
    ("dd-aggregated-anonymised-retention", """ANALYTICS SERVICES AGREEMENT

5. DATA
5.1 Customer retains all right, title and interest in the Customer Data.
5.2 {{DD|Within thirty (30) days of termination of this Agreement, Provider shall delete all Customer Data from its systems.}} {{DD|Notwithstanding the foregoing, Provider may retain and use aggregated and anonymised data derived from the Customer Data that does not identify Customer or any individual, for the purpose of improving its services.}}
5.3 Provider shall process Customer Data only on Customer's documented instructions.
"""),
    ("dd-immediate-deletion-training-data", """STATEMENT OF WORK No. 3

Project: demand forecasting model for retail stores.
Fees: USD 48,000, payable in three equal milestones.
Data handling. {{DD|Immediately upon termination or completion of this SOW, Agency shall delete all Training Data supplied by Client, including all copies, extracts and derived feature tables.}}
Acceptance. Client shall have ten (10) business days to test each deliverable.
"""),
    ("dd-officer-certification-datasets", """DATA LICENCE AGREEMENT

8. Term and Termination
8.1 The term of this Agreement is one (1) year from the Effective Date.
8.2 {{DD|Within ten (10) business days after the expiry or termination of this Agreement, the Recipient shall cease all use of the Licensed Datasets and destroy every copy of them, in whatever medium, and an officer of the Recipient shall certify in writing to the Licensor that it has done so.}}
8.3 Sections 6, 8.2 and 11 survive any termination of this Agreement.
"""),
    ("dd-uk-supplier-return-or-destroy-law-exception", """SCHEDULE 4 - DATA PROTECTION

4.1 The Supplier shall process the Customer Personal Data only to the extent necessary to provide the Services.
4.2 {{DD|On expiry or termination of this Agreement the Supplier shall, at the Customer's option, return to the Customer or destroy all Customer Data in its possession or control within 30 days, save to the extent that retention is required by applicable law, in which case the Supplier shall continue to keep such data confidential and shall not actively process it.}}
4.3 The Supplier shall notify the Customer without undue delay on becoming aware of a Personal Data Breach.
"""),
    ("dd-ml-derived-artifacts-embeddings", """INDEPENDENT CONTRACTOR AGREEMENT

Confidentiality. Contractor shall hold all non-public information of the Company in strict confidence.

Data. {{DD|When the Engagement ends, Contractor shall delete all datasets, annotations, vector embeddings and intermediate files derived from Company Data, wherever stored, within twenty-one (21) days, and shall not use any such data to train or evaluate any model afterwards.}}

Independent status. Contractor is an independent contractor and not an employee of the Company.
"""),
    ("dd-plain-language-sow-two-weeks", """Statement of Work - Website Chat Analytics

What we will do: build dashboards showing the volume and topics of customer chats.
Timeline: six weeks from kickoff.
Your data: {{DD|All client data will be deleted from our servers within 2 weeks after project delivery. We will email you a confirmation once it is done.}}
Payment: 50% upfront, 50% on delivery.
"""),
    ("dd-freelancer-informal-wipe", """Freelance Agreement (Data Annotation)

1. I will label up to 20,000 images according to your guidelines.
2. You will pay me EUR 0.08 per image, invoiced every two weeks, payable within 14 days.
3. {{DD|When the project wraps up, I will wipe every file you sent me from my laptop and my cloud storage within 30 days, and I will not keep any copies.}}
4. Either of us can end this agreement with one week's notice.
"""),
    ("dd-return-machine-readable", """SOFTWARE AS A SERVICE AGREEMENT

11. Termination Assistance
11.1 {{DD|Upon termination of this Agreement for any reason, Vendor shall return all Customer Data to Customer in a commonly used, machine-readable format (such as CSV or JSON) within fifteen (15) days of Customer's written request, and shall thereafter delete all Customer Data from the Vendor platform.}}
11.2 Vendor shall provide reasonable transition assistance at its then-current professional services rates.
"""),
    ("dd-export-window-then-deletion", """CLOUD SERVICES TERMS

Data retrieval and deletion. {{DD|For thirty (30) days after termination, Customer may export its Customer Content using the standard export tools. Thereafter, Provider will delete Customer Content from its production systems within a further sixty (60) days, and from backups in accordance with its standard backup rotation.}}

Suspension. Provider may suspend the Services if Customer's account is more than thirty days past due.
"""),
    ("dd-no-later-than-destroy-media", """RESEARCH COLLABORATION AGREEMENT

Article 10. Confidentiality and Data
10.1 Each Party shall protect the other Party's Confidential Information with at least reasonable care.
10.2 {{DD|No later than forty-five (45) days after completion of the Research Program, the University shall destroy all Sponsor Data, including all electronic media on which Sponsor Data was stored, and shall provide a written certificate of destruction to the Sponsor.}}
10.3 Nothing in this Article restricts publication of the Research Results in accordance with Article 12.
"""),
    ("dd-legal-hold-exception-still-deletes", """PROFESSIONAL SERVICES AGREEMENT

14. CLIENT DATA
14.1 {{DD|Promptly after the termination of this Agreement, Firm shall securely delete all Client Data from its systems}}{{DD|, except that Firm may retain Client Data subject to a litigation hold or to the extent required by law, for so long as such hold or requirement applies.}}
14.2 Firm shall not sell, rent or disclose Client Data to any third party.
"""),
    ("dd-nist-disposal", """INFORMATION SECURITY SCHEDULE

S-7 Media sanitisation. {{DD|The Service Provider shall not retain any Agency Data beyond the Term and shall dispose of all Agency Data securely, in accordance with NIST Special Publication 800-88, within thirty (30) calendar days after the end of the Term.}}

S-8 Personnel. All personnel with access to Agency Data shall have passed a background check.
"""),
    ("dd-per-sow-completion", """MASTER AGREEMENT FOR ANALYTICS ENGAGEMENTS

4. Statements of Work. Each engagement will be described in a Statement of Work executed by both parties.

5. Data for each engagement. {{DD|On completion of each Statement of Work, Contractor will return to Client, or at Client's written direction destroy, the data provided by Client for that Statement of Work within twenty (20) days, unless the data is needed for another Statement of Work then in progress.}}
"""),
    ("dd-german-style-translation", """DIENSTLEISTUNGSVERTRAG / SERVICE AGREEMENT (English version)

Section 11 Data Protection
(1) The Contractor shall comply with the applicable data protection laws, in particular the GDPR.
(2) {{DD|After completion of the contractual work, or earlier upon request by the Client, the Contractor shall hand over to the Client all documents, processing and utilisation results and data sets related to the contractual relationship that have come into its possession, or destroy them in accordance with data protection requirements with the prior consent of the Client.}}
(3) The deletion log shall be presented upon request.
"""),
    ("dd-delete-within-business-days-upon-request", """VENDOR TERMS

Customer rights. {{DD|At any time during the Term, upon Customer's written request, Vendor shall delete specified Customer Data within ten (10) business days and confirm the deletion in writing.}}

Fees. Fees are payable net thirty (30) days from the invoice date.
"""),
    ("dd-healthcare-baa", """BUSINESS ASSOCIATE AGREEMENT

5. Term and Termination
5.1 This BAA terminates when the Underlying Agreement terminates.
5.2 {{DD|Upon termination of this BAA for any reason, Business Associate shall return to Covered Entity or, if agreed to by Covered Entity, destroy all Protected Health Information received from Covered Entity, or created, maintained, or received by Business Associate on behalf of Covered Entity, that Business Associate still maintains in any form. Business Associate shall retain no copies of the Protected Health Information.}}
5.3 {{DD|If return or destruction is infeasible, Business Associate shall extend the protections of this BAA to such Protected Health Information and limit further uses and disclosures to those purposes that make the return or destruction infeasible.}}
"""),
    ("dd-promptly-no-deadline", """MARKETING SERVICES AGREEMENT

8. Customer Lists. Client will provide Agency with customer email lists for the Campaign.
8.1 Agency shall use the customer lists only for the Campaign.
8.2 {{DD|After the Campaign ends, Agency shall promptly delete the customer lists and any copies of them.}}
9. Fees. Agency's fees are set out in Exhibit A.
"""),
    ("dd-bullet-schedule-style", """Exhibit C - Security and Data Handling Requirements

- Encryption: data at rest AES-256; in transit TLS 1.2 or higher.
- Access: role-based access, reviewed quarterly.
- {{DD|Deletion: on contract end, all Client data (including logs and model training sets) is deleted within 30 days; backups roll off within 35 days thereafter; written certification on request.}}
- Incidents: notified to Client within 72 hours.
"""),
    ("dd-return-then-destroy-two-step", """SERVICES AGREEMENT

Clause 17 - Exit
17.1 {{DD|Within seven (7) days after the Termination Date, the Provider shall return to the Client all Client Data in the format reasonably requested by the Client.}}
17.2 {{DD|Within a further thirty (30) days, the Provider shall destroy all copies of the Client Data remaining in its possession, other than copies stored in archival backup systems, which shall be destroyed when those backups expire.}}
17.3 The Provider shall provide exit assistance as described in Schedule 9.
"""),
    ("dd-anonymise-in-lieu-of-deletion", """DATA PROCESSING AGREEMENT

Clause 11. Termination
11.1 This DPA remains in force for as long as the Processor processes Personal Data on behalf of the Controller.
11.2 {{DD|Upon termination of the Principal Agreement, the Processor shall, at its option, delete or irreversibly anonymise all Personal Data processed on behalf of the Controller within thirty (30) days, and shall confirm in writing which of the two it has done.}}
"""),
    # ------------------------------------------------------ data deletion: near-misses (no label)
    ("nm-dd-portability-export-only", """SUBSCRIPTION AGREEMENT

7. Customer Data
7.1 Customer owns all Customer Data.
7.2 Customer may export a complete copy of its Customer Data at any time during the Subscription Term through the reporting API, in CSV or JSON format, at no additional charge.
7.3 Provider shall process Customer Data only to provide the Services.
"""),
    ("nm-dd-confidentiality-return-documents", """MUTUAL NONDISCLOSURE AGREEMENT

4. Return of Materials. Upon the Disclosing Party's written request, the Receiving Party shall promptly return all documents, drawings, samples and other tangible materials containing Confidential Information, together with all copies thereof.

5. No Licence. Nothing in this Agreement grants the Receiving Party any licence under any patent, trademark or copyright of the Disclosing Party.
"""),
    ("nm-dd-tax-record-retention", """ACCOUNTING SERVICES ENGAGEMENT LETTER

Records. Provider shall retain all working papers, invoices and transaction records relating to the Services for seven (7) years after the end of the fiscal year to which they relate, as required by applicable tax law, and shall make them available to Client's auditors on request.

Fees. Our fees are billed monthly in arrears.
"""),
    ("nm-dd-backup-operations", """HOSTING SERVICES AGREEMENT

6. Backups
6.1 Provider will back up Customer's virtual machines daily and retain each backup for thirty (30) days.
6.2 Provider will test restoration of backups at least quarterly.
6.3 Customer is responsible for verifying that its applications can be restored from backup.
"""),
    ("nm-dd-user-account-deletion-feature", """SUBSCRIPTION TERMS

Administration. Customer's administrators may create, suspend or delete any User account at any time through the administration console. Deleting a User account does not reduce the number of licences purchased for the current Subscription Term.

Support. Support is available on business days between 9:00 and 17:00 CET.
"""),
    ("nm-dd-goods-destroyed-in-transit", """PURCHASE AGREEMENT

7. Delivery and Risk
7.1 Seller shall deliver the Products DAP Buyer's warehouse (Incoterms 2020).
7.2 Risk of loss for Products lost, damaged or destroyed in transit shall remain with Seller until delivery to Buyer's warehouse.
7.3 Buyer shall inspect the Products within five (5) days of delivery and notify Seller of any damage.
"""),
    ("nm-dd-return-equipment", """EMPLOYMENT AGREEMENT

10. Company Property. Upon termination of employment for any reason, Employee shall immediately return to the Company all laptops, mobile phones, access badges, keys and other equipment provided by the Company.

11. Notice. Either party may terminate employment on four (4) weeks' written notice.
"""),
    ("nm-dd-audit-records-three-years", """SUPPLY AGREEMENT

15. Records and Audit
15.1 Supplier shall maintain complete and accurate records of all Products supplied and Charges invoiced under this Agreement during the Term and for three (3) years after its termination.
15.2 Buyer may audit such records on ten (10) business days' notice, no more than once in any twelve-month period.
"""),
    ("nm-dd-security-measures-only", """DATA PROCESSING TERMS

3. Security. Provider shall implement appropriate technical and organisational measures to protect Personal Data against accidental or unlawful destruction, loss, alteration, unauthorised disclosure or access, including encryption of Personal Data at rest and in transit.

4. Personnel. Provider shall ensure that persons authorised to process Personal Data are bound by confidentiality.
"""),
    ("nm-dd-takedown-infringing-content", """PLATFORM SERVICES AGREEMENT

9. Content Removal. Provider shall remove or disable access to any content hosted on the Platform that is alleged to infringe a third party's rights within forty-eight (48) hours of receiving a notice that complies with the DMCA.

10. Repeat infringers. Provider may terminate the accounts of repeat infringers.
"""),
    ("nm-dd-warehouse-returns", """DISTRIBUTION AGREEMENT

8. Returns. Distributor may return unsold Products in their original packaging within ninety (90) days of delivery for a credit of the purchase price, less a restocking fee of ten percent (10%). Products that are damaged or expired shall be destroyed by Distributor at its own cost and the destruction documented.

9. Marketing. Distributor shall use commercially reasonable efforts to promote the Products in the Territory.
"""),
    ("nm-dd-survival-clause-only", """CONSULTING AGREEMENT

16. Survival. Sections 6 (Confidentiality), 9 (Indemnification), 10 (Limitation of Liability) and 13 (Governing Law) shall survive any expiration or termination of this Agreement.

17. Notices. All notices shall be in writing and delivered by courier or email to the addresses set out above.
"""),
    ("nm-dd-delete-contract-provisions", """AMENDMENT No. 2 TO THE LICENCE AGREEMENT

1. Section 4.3 of the Agreement is deleted in its entirety and replaced with the following: "4.3 Licensee shall pay the Annual Fee within forty-five (45) days of each anniversary of the Effective Date."
2. Exhibit B is deleted.
3. Except as amended above, the Agreement remains in full force and effect.
"""),
    ("nm-dd-data-retention-period-during-term", """DATA HOSTING TERMS

Log retention. Provider retains access logs for twelve (12) months to investigate security incidents and then archives them in cold storage for a further twenty-four (24) months.

Availability. Provider will use commercially reasonable efforts to make the Services available 99.9% of the time in each calendar month.
"""),
    ("nm-dd-shred-paper-confidential-recitals", """SERVICES AGREEMENT

WHEREAS, Company wishes to engage Contractor to provide document scanning services; and
WHEREAS, Contractor operates secure scanning facilities;
NOW, THEREFORE, the parties agree as follows:
1. Services. Contractor shall scan the paper records delivered by Company and upload the images to Company's document management system within five (5) business days of pick-up.
2. Price. USD 0.05 per page scanned.
"""),
    ("nm-dd-termination-fees-only", """SERVICES AGREEMENT

13. Termination for Convenience. Client may terminate this Agreement for convenience on sixty (60) days' written notice. In that case Client shall pay Provider for all Services performed up to the effective date of termination and a termination fee equal to fifteen percent (15%) of the fees remaining for the then-current term.

14. Governing Law. This Agreement is governed by the laws of the State of New York.
"""),
    # --------------------------------------------------------- genai output: positives
    ("go-client-owns-outputs-defined", """AI SERVICES AGREEMENT

1. Definitions
"AI System" means the generative artificial intelligence system configured by Provider for Client under this Agreement.
"Inputs" means prompts, documents and other content submitted by Client to the AI System.
"Outputs" means text, images, code or other content generated by the AI System in response to Inputs.

6. Ownership
6.1 {{GO|As between the parties, Client owns all Inputs and all Outputs, and Provider hereby assigns to Client any right, title and interest it may have in the Outputs.}}
"""),
    ("go-disclaim-copyrightability", """CREATIVE SERVICES AGREEMENT

10. AI-Assisted Work
10.1 Agency may use generative AI tools to draft copy, images and storyboards for the Campaign.
10.2 {{GO|Client acknowledges that content generated with artificial intelligence may not be eligible for copyright protection in some jurisdictions. Agency makes no warranty that any Generated Content is original, protectable by copyright or free from third-party claims.}}
11. Approval. Client shall approve or reject each draft within five (5) business days.
"""),
    ("go-provider-warrants-non-infringement", """SOFTWARE DEVELOPMENT AGREEMENT

8. Warranties
8.1 Developer warrants that the Services will be performed in a professional and workmanlike manner.
8.2 {{GO|Developer warrants that all Generated Content delivered hereunder, including code produced with the assistance of large language models, is original and does not infringe any patent, copyright, trade secret or other intellectual property right of any third party.}}
8.3 EXCEPT AS SET OUT IN THIS SECTION 8, DEVELOPER MAKES NO OTHER WARRANTIES.
"""),
    ("go-finetuned-weights-to-client-on-payment", """STATEMENT OF WORK - FINE-TUNING ENGAGEMENT

Scope: fine-tune an open-weight language model on Client's support tickets to draft replies.
Deliverables: (i) fine-tuned adapter weights; (ii) evaluation report; (iii) inference container.
Ownership of Deliverables: {{GO|All fine-tuned model weights, adapters and checkpoints produced under this SOW shall be the sole and exclusive property of Client upon payment in full of the Fees.}} The base model remains subject to its own licence.
Fees: USD 60,000.
"""),
    ("go-provider-retains-weights-licence", """MACHINE LEARNING PLATFORM AGREEMENT

7. Intellectual Property
7.1 Customer owns the Customer Data.
7.2 {{GO|Provider retains all right, title and interest in and to the Base Model, the Platform and any model weights, fine-tuned variants and embeddings created by the Platform, including those created using Customer Data. Provider grants Customer a non-exclusive, non-transferable licence to use the Model Deliverables during the Term for its internal business purposes.}}
7.3 Customer shall not reverse engineer the Platform.
"""),
    ("go-upstream-openai-terms", """CHATBOT DEVELOPMENT AGREEMENT

5. Third-Party Models
5.1 The Chatbot uses third-party large language models, currently including models provided by OpenAI.
5.2 {{GO|Client agrees to comply with the usage policies and terms of service of each such model provider, as updated from time to time, which are incorporated into this Agreement by reference, and acknowledges that the availability of the Chatbot depends on those providers.}}
6. Hosting. Agency will host the Chatbot on Client's cloud account.
"""),
    ("go-prompts-and-completions-property", """LLM INTEGRATION SERVICES - ORDER FORM

Service: integration of a hosted large language model into Client's knowledge base.
Term: 12 months.
Data and content: {{GO|Client's prompts, and all completions returned to Client by the model, are Client's property and Client's Confidential Information. Provider will not use them to train or improve any model.}}
Fees: USD 4,500 per month.
"""),
    ("go-jointly-owned-outputs", """JOINT DEVELOPMENT AGREEMENT

9. Results
9.1 "Model Outputs" means all content generated by the Joint Model, whether text, audio or images.
9.2 {{GO|Model Outputs shall be jointly owned by the Parties in equal undivided shares, and each Party may exploit them without accounting to the other.}}
9.3 Each Party retains its Background IP.
"""),
    ("go-generated-images-assigned", """DESIGN SERVICES AGREEMENT

4. Campaign Assets
4.1 Designer will create key visuals and social media assets for the Spring Campaign.
4.2 {{GO|Where Designer uses generative image tools (such as Midjourney, DALL-E or Stable Diffusion) to create any Campaign Asset, Designer assigns to Client all rights Designer holds in the resulting images, and Client acknowledges that such rights may be limited by the terms of the tool used.}}
4.3 Designer will deliver layered source files on completion.
"""),
    ("go-synthetic-voice", """AUDIO PRODUCTION AGREEMENT

6. Synthetic Voice. Producer will create narration for the Course using an AI voice-synthesis service licensed by Producer.
6.1 {{GO|The synthetic audio files generated for the Course are works made for hire for Client, and to the extent they are not, Producer assigns them to Client. The voice model itself remains the property of its licensor and is not a Deliverable.}}
7. Revisions. Two rounds of revisions are included in the Fee.
"""),
    ("go-provider-assigns-if-any", """TERMS OF SERVICE FOR BUSINESS CUSTOMERS

3. Content
(a) Customer is responsible for its Input.
(b) {{GO|Provider does not claim ownership of Output. Subject to Customer's compliance with these Terms, Provider hereby assigns to Customer all its right, title and interest, if any, in and to Output.}}
(c) {{GO|Output may not be unique, and other users may receive similar Output. Provider makes no representation that Output is protected by intellectual property rights.}}
"""),
    ("go-code-assistant-suggestions", """DEVELOPER TOOLS SUBSCRIPTION AGREEMENT

12. Code Suggestions
12.1 The Assistant provides code suggestions generated by a machine learning model in response to the context of Customer's editor.
12.2 {{GO|Customer retains ownership of its code, and Vendor claims no rights in suggestions generated for Customer. Vendor does not warrant that suggestions are free of third-party code or licence obligations, and Customer is responsible for reviewing them before use.}}
"""),
    ("go-model-trained-on-client-data", """DATA SCIENCE SERVICES AGREEMENT

11. Models
11.1 {{GO|Any machine learning model, including its trained parameters, that Contractor trains on Client Data in performing the Services ("Custom Model") is a Deliverable and shall be owned exclusively by Client. Contractor shall not reuse a Custom Model, or its weights, for any other customer.}}
11.2 Contractor retains ownership of its pre-existing libraries and tools ("Contractor Tools") and grants Client a perpetual licence to use them with the Custom Model.
"""),
    ("go-freelancer-plain-ai-content", """Freelance Writing Agreement

- I write 8 blog posts a month for your website, about 1,200 words each.
- I sometimes use AI writing tools to outline and edit drafts. {{GO|You own everything I deliver, including any parts drafted with AI, but I can't promise that AI-drafted text is protected by copyright.}}
- You pay my invoice within 14 days.
"""),
    ("go-numbered-generated-deliverables", """MASTER SERVICES AGREEMENT

8. GENERATIVE AI
8.1 Use. Provider may use Generative AI Tools in performing the Services only as described in the applicable SOW.
8.2 {{GO|Ownership. Subject to payment, all AI-Generated Deliverables shall be owned by Client on the same terms as other Deliverables under Section 7.}}
8.3 {{GO|No warranty. Provider does not warrant that AI-Generated Deliverables are eligible for copyright or patent protection.}}
8.4 {{GO|Third-party terms. Client shall comply with the terms of the providers of the Generative AI Tools identified in the SOW to the extent they apply to Client's use of AI-Generated Deliverables.}}
"""),
    ("go-rag-app-client-owns-answers", """ORDER FORM - KNOWLEDGE ASSISTANT

Description: retrieval-augmented question answering over Client's policies using a hosted LLM.
Ownership: {{GO|answers and summaries generated by the Knowledge Assistant for Client belong to Client; Provider keeps ownership of the prompt templates, retrieval pipeline and configuration, which are licensed to Client for the subscription term.}}
Subscription term: 24 months. Fees: EUR 3,200 per month.
"""),
    ("go-translation-mt-output", """TRANSLATION SERVICES AGREEMENT

5. Machine Translation
5.1 Supplier may pre-translate documents with neural machine translation engines and post-edit them.
5.2 {{GO|All translations delivered, including machine-generated segments, are assigned to Customer on delivery. Supplier warrants that machine-generated segments have been reviewed by a qualified human translator, but gives no warranty that they are original works.}}
6. Fees. Per-word rates are set out in Annex 1.
"""),
    ("go-anthropic-api-bound", """AI CONSULTING ENGAGEMENT LETTER

Tools. We will build your contract-summary prototype on Anthropic's Claude models through your own API account.
Model terms. {{GO|Because the prototype calls the model under your account, you are bound by Anthropic's commercial terms and usage policy for all prompts and outputs, and you are responsible for complying with them.}}
Ownership. {{GO|You own the prototype source code we write for you and all summaries it produces.}}
Fee: fixed fee of GBP 18,000.
"""),
    ("go-embeddings-vector-index", """SEARCH IMPLEMENTATION SOW

Deliverables: ingestion pipeline; vector index of Client documents; search API.
IP: {{GO|The embeddings, vector index and any fine-tuned embedding model produced for Client from Client documents are Client's property; Vendor may not retain or reuse them after the end of the SOW.}}
Timeline: 10 weeks.
"""),
    # ------------------------------------------------------- genai output: near-misses (no label)
    ("nm-go-manufacturing-output", """CONTRACT MANUFACTURING AGREEMENT

6. Capacity. Manufacturer shall maintain a minimum production output of ten thousand (10,000) units per month and shall notify Customer at least sixty (60) days before any planned reduction in output.

7. Quality. All Products shall conform to the Specifications and be manufactured in accordance with ISO 9001.
"""),
    ("nm-go-software-licence-no-ai", """SOFTWARE LICENCE AGREEMENT

2. Grant. Licensor grants Licensee a non-exclusive, non-transferable licence to install and use the Software on up to fifty (50) workstations for Licensee's internal business purposes.

3. Ownership. Licensor retains all right, title and interest in the Software, the Documentation and all copies thereof.

4. Fees. Licensee shall pay the Licence Fee within thirty (30) days of delivery.
"""),
    ("nm-go-statistical-report-output", """RESEARCH SERVICES AGREEMENT

3. Deliverables. Contractor shall deliver the results of the statistical analysis, including all tables, charts and other output of the regression models, as a written report in PDF format.

4. Ownership of Deliverables. The report and all tables and charts in it are works made for hire owned by Sponsor.
"""),
    ("nm-go-revenue-generated", """DISTRIBUTION AGREEMENT

5. Revenue Share. Distributor shall pay Supplier thirty percent (30%) of all net revenue generated by sales of the Products in the Territory, within forty-five (45) days after the end of each calendar quarter.

6. Reports. Each payment shall be accompanied by a report of units sold and revenue generated.
"""),
    ("nm-go-product-model-numbers", """EQUIPMENT LEASE

Schedule 1 - Equipment
Model X-200 industrial air compressors, quantity four (4); Model T-9 dryers, quantity two (2).
Lessee shall keep the Equipment at the Premises and shall not move it without Lessor's prior written consent.
Title to the Equipment remains with Lessor at all times.
"""),
    ("nm-go-logo-work-for-hire", """LOGO DESIGN AGREEMENT

1. Designer will create three logo concepts and refine one selected concept.
2. Ownership. Upon payment in full, Designer assigns to Client all copyright in the final logo, and the final logo shall be a work made for hire to the extent permitted by law. Designer may show the logo in her portfolio.
3. Fee. USD 2,500, half payable on signature.
"""),
    ("nm-go-power-generation", """POWER PURCHASE AGREEMENT

4. Energy Output. Seller shall deliver to Buyer all electric energy generated by the Facility, and Buyer shall purchase such energy at the Contract Price. Seller guarantees an annual energy output of not less than 18,000 MWh.

5. Metering. Energy shall be measured at the Delivery Point by a revenue-grade meter.
"""),
    ("nm-go-generic-deliverables-ownership", """PROFESSIONAL SERVICES AGREEMENT

7. Intellectual Property. All deliverables, reports, documentation and other work product created by Consultant specifically for Client under this Agreement shall be owned by Client upon payment. Consultant retains ownership of its pre-existing materials and know-how.

8. Warranty. Consultant warrants that the Services will be performed with reasonable skill and care.
"""),
    ("nm-go-financial-model", """FINANCIAL ADVISORY ENGAGEMENT LETTER

Scope. Adviser will build a three-statement financial model of the Target and a valuation range based on discounted cash flows.
Use of our work. The financial model is provided for the Board's use only and may not be disclosed to third parties without our consent.
Fees. A fixed fee of USD 75,000.
"""),
    ("nm-go-fashion-model-release", """MODEL RELEASE

The Model grants Photographer the right to use photographs taken on the shoot date in the Client's catalogue and online store for a period of two (2) years. The Model shall receive a fee of USD 800 per day. All photographs remain the property of the Photographer.
"""),
    ("nm-go-reports-generated-by-software", """SUBSCRIPTION AGREEMENT - FLEET TELEMATICS

5. Reports. The Platform generates daily fuel and mileage reports for each vehicle. Customer may download the reports in CSV format.

6. Data. Customer owns the vehicle data collected by the devices. Provider may use such data in aggregated form to improve the Platform.
"""),
    ("nm-go-ai-mentioned-no-ownership-chatbot", """SERVICES AGREEMENT - CUSTOMER SUPPORT CHATBOT

Scope. Provider will configure a customer-support chatbot based on a large language model, connect it to Client's help-centre articles and train Client's staff to maintain it.
Service levels. The chatbot will be available 99.5% of each month.
Fees. Setup fee USD 12,000; monthly fee USD 1,500.
"""),
    ("nm-go-ai-policy-disclosure-only", """AGENCY SERVICES AGREEMENT

12. Use of AI tools. Agency shall disclose to Client, on request, which generative AI tools it uses in performing the Services and shall not input Client's Confidential Information into any public AI tool without Client's prior written consent.

13. Staff. Agency shall assign suitably qualified staff to the account.
"""),
    ("nm-go-ml-fraud-scoring-no-genai", """FRAUD SCORING SERVICES AGREEMENT

2. Services. Provider will score each card transaction submitted by Bank using Provider's fraud detection models and return a risk score between 0 and 999 within 150 milliseconds.

3. Service levels. Provider shall meet the response-time target for 99.9% of transactions in each month.
"""),
    ("nm-go-livestock-artificial-insemination", """LIVESTOCK BREEDING SERVICES AGREEMENT

3. AI Services. The Contractor shall provide artificial insemination (AI) services for the Farmer's dairy herd using semen from sires selected by the Farmer.
4. Records. The Contractor shall record each insemination, and the Farmer shall own all herd records and any calves born as a result of the AI Services.
5. Fees. EUR 35 per insemination, invoiced monthly.
"""),
    # ------------------------------------------------------------ both categories
    ("both-ai-sow-data-and-weights", """STATEMENT OF WORK - CLAIMS TRIAGE MODEL

1. Deliverables: a fine-tuned language model that drafts triage notes for insurance claims, with an evaluation report.
2. {{GO|Ownership: the fine-tuned weights and the triage notes the model generates are owned by Client. Agency keeps its training scripts and evaluation harness and licenses them to Client for use with the model.}}
3. {{DD|Client data: Agency will delete the claims data and every derived dataset within thirty (30) days after acceptance of the final Deliverable, except for copies in encrypted backups, which expire within 60 days.}}
4. Fees: USD 95,000 in three milestones.
"""),
    ("both-msa-genai-and-exit", """MASTER SERVICES AGREEMENT

15. Generative AI
15.1 {{GO|Provider makes no warranty that Outputs generated by the AI Services are original, copyrightable or non-infringing, and Client's use of Outputs is at Client's own risk.}}
15.2 {{GO|Client shall comply with the acceptable use policies of the third-party foundation model providers listed in Schedule 2.}}

16. Exit
16.1 {{DD|On termination, Provider shall, at Client's election, return or securely destroy all Client Data within thirty (30) days and certify destruction on request.}}
"""),
    ("both-freelancer-ai-illustrations", """Illustration Commission

1. I will create 12 chapter illustrations for your book. I use AI image generators for early sketches only.
2. {{GO|You will own the final illustrations, including any AI-generated elements in them; I can't guarantee that AI-generated elements are protected by copyright.}}
3. {{DD|I will delete your manuscript and reference photos from my devices when the commission is finished.}}
4. Price: EUR 3,600, half on signing.
"""),
    ("both-platform-terms-output-and-deletion", """ENTERPRISE AI PLATFORM TERMS

4. Customer Content. "Customer Content" means Input and Output.
4.1 {{GO|As between the parties and to the extent permitted by law, Customer owns all Output, and Provider assigns to Customer all of its right, title and interest in Output.}}
4.2 Provider will not use Customer Content to train models.
4.3 {{DD|Provider deletes Customer Content within thirty (30) days after the end of the subscription, unless Customer asks for earlier deletion or the law requires retention.}}
"""),
    ("both-research-data-and-model-card", """DATA SHARING AND MODEL DEVELOPMENT AGREEMENT

Article 6 - Models
6.1 {{GO|Any generative model developed by the Institute using the Hospital Data, and its weights, shall be jointly owned by the Parties, and synthetic records generated by such model shall be owned by the Hospital.}}

Article 7 - Data
7.1 {{DD|Within ninety (90) days of the end of the Project, the Institute shall destroy the Hospital Data and confirm the destruction in writing, keeping only the anonymised evaluation statistics needed for publication.}}
"""),
    ("both-agency-upstream-and-purge", """AI CONTENT AGENCY AGREEMENT

Section 9 - Third-party AI models. {{GO|The Services rely on third-party models (including OpenAI and Google models); Client agrees to be bound by the terms of use of those providers insofar as they govern the generated content delivered to Client.}}

Section 10 - Purge. {{DD|At the end of each campaign Agency will purge Client's product feeds and customer segments from its tools within ten (10) days.}}
"""),
]

# Items added after the first set was fixed: appended after the shuffled ones, in this order,
# so that adding them moved no earlier item to another fold. Written before the rules they
# test were changed, as fresh test data (see docs/accuracy.md).
ADDED_ITEMS = [
    ("dd2-translation-freelancer-remove", """Translation Agreement

1. I will translate your product manual (approx. 18,000 words) from German into English and deliver it by 15 March.
2. My rate is EUR 0.12 per source word, invoiced on delivery and payable within 14 days.
3. {{DD|Once I have sent you the final translation, I'll permanently remove your source documents and glossaries from my computer and my email account within seven days.}}
4. I keep the translation memory only for your future jobs, and I never share it with anyone else.
"""),
    ("dd2-dpa-passive-four-weeks", """ANNEX 3 - PROCESSING DETAILS AND RETENTION

Subject matter: hosting and analysis of the Controller's customer-support tickets.
Duration: for the term of the Main Agreement.
Erasure: {{DD|After conclusion of the processing services, all personal data processed on behalf of the Controller shall be erased by the Processor, including any copies held by its sub-processors, no later than four weeks after the Main Agreement ends.}} {{DD|The Processor shall document the erasure and provide the record to the Controller upon request.}}
"""),
    ("dd2-qualitative-research-recordings-six-months", """RESEARCH SERVICES PROPOSAL - TERMS

Fieldwork: 24 in-depth interviews with Client's customers, conducted by video call.
Reporting: a written report and a one-hour debrief.
Data handling: {{DD|Interview recordings and transcripts will be destroyed by the Researcher six (6) months after Client accepts the final report.}} Until then they are stored on an encrypted drive in the EU.
Fees: GBP 18,500 plus expenses.
"""),
    ("dd2-saas-offboarding-heading", """SUBSCRIPTION SERVICES AGREEMENT

14. Offboarding
14.1 Upon Customer's request made within thirty (30) days after the effective date of termination, Provider will make Customer Data available for download in a standard format.
14.2 {{DD|Within forty-five (45) days of the effective date of termination, Provider will permanently delete all Customer Data from the Service, including data held by its subprocessors, and will issue a deletion certificate on Customer's request.}}
15. General
15.1 This Agreement is the entire agreement of the parties.
"""),
    ("dd2-agency-retainer-subscriber-list", """DIGITAL MARKETING RETAINER

5. Client Assets. Client will give Agency access to its subscriber list, audience segments and advertising accounts for the duration of the Retainer.
6. Wind-down. {{DD|When the Retainer ends, Agency must delete Client's subscriber list, audience segments and any ad-account exports from every system it controls within fifteen (15) business days, and confirm by email that it has done so.}}
7. Fees. The monthly retainer is USD 6,000, invoiced in advance.
"""),
    ("dd2-pilot-evaluation-dataset-checkpoints", """PILOT EVALUATION AGREEMENT

2. Evaluation Dataset. Customer will provide a sample of its anonymised insurance claims ("Evaluation Dataset") for the sole purpose of the Pilot.
3. Use. Vendor shall use the Evaluation Dataset only to fine-tune and evaluate its extraction model for Customer.
4. Disposal. {{DD|At the end of the Pilot, or earlier at Customer's request, Vendor shall destroy the Evaluation Dataset and every model checkpoint fine-tuned on it within ten (10) days.}}
5. No Fees. The Pilot is provided free of charge.
"""),
    ("dd2-cro-transfer-then-purge", """CLINICAL SERVICES AGREEMENT

11. Close-out
11.1 Following database lock, CRO shall deliver the final clinical study report to Sponsor and transfer the complete Trial Master File to Sponsor's designated archive.
11.2 {{DD|Thereafter, CRO shall purge all Study Data and Sponsor Confidential Information from its systems within sixty (60) days, save for copies it is required by applicable regulations to retain.}}
11.3 CRO shall invoice the final milestone payment upon completion of close-out.
"""),
    ("dd2-nm-quality-records-retention-policy", """SUPPLY AGREEMENT

9. Quality Records. Supplier shall retain all batch records, inspection reports and certificates of analysis for each Product for ten (10) years after manufacture and shall thereafter destroy them in accordance with Supplier's document retention policy.
10. Audits. Buyer may audit Supplier's facilities once per year on thirty (30) days' notice.
"""),
    ("dd2-nm-aggregated-benchmarking", """ANALYTICS SERVICES AGREEMENT

6. Benchmarks. Provider may compile anonymised, aggregated statistics from Customer's use of the Service, which do not identify Customer or any individual, and may use and retain such statistics for benchmarking, including after termination of this Agreement.
7. Fees. Customer shall pay the subscription fees annually in advance.
"""),
    ("dd2-nm-log-rotation", """MANAGED HOSTING SCHEDULE

Monitoring. Provider monitors the availability of the hosted environment 24x7.
Logs. Provider deletes web-server access logs after ninety (90) days as part of its standard log rotation.
Support. Support requests are answered within four business hours.
"""),
    ("dd2-nm-remove-team-member", """CONSULTING SERVICES AGREEMENT

4. Personnel. Client may require Consultant to remove any member of the project team from the engagement by written notice, and Consultant shall replace that person with a suitably qualified individual within five (5) business days.
5. Subcontracting. Consultant shall not subcontract the Services without Client's prior written consent.
"""),
    ("dd2-nm-destroy-stock-promotional-materials", """DISTRIBUTION AGREEMENT

18. Consequences of Termination. Upon termination of this Agreement, Distributor shall, at Supplier's option, return or destroy all remaining stock of Products bearing Supplier's trademarks and all promotional materials within thirty (30) days, and certify the destruction in writing.
19. Governing Law. This Agreement is governed by the laws of Ireland.
"""),
    ("dd2-nm-remove-site-equipment", """MINOR WORKS CONTRACT

7. Completion. The Contractor shall complete the Works by the Completion Date.
8. Clearance. The Contractor shall remove all its equipment, surplus materials and rubbish from the Site within fourteen (14) days after completion of the Works, and leave the Site clean and tidy.
9. Payment. The Employer shall pay the Contract Sum within 30 days of the final certificate.
"""),
    ("dd2-nm-export-window-no-deletion", """CLOUD PLATFORM TERMS

Data export. For thirty (30) days after termination, Customer may download its Customer Data through the export tools. Provider will provide reasonable assistance with the transfer of Customer Data to a successor provider at its then-current rates.
Fees. Fees are non-refundable.
"""),
    ("go2-generated-assets-vest-in-publisher", """GAME ART SERVICES AGREEMENT

This Agreement is between Pixelforge Studio LLC ("Studio") and Northlight Games Inc. (the "Publisher").

4. Production. Studio may use generative image tools to produce concept art, sprites and textures for the Game.
5. Title. {{GO|All sprites, textures and concept art produced with generative tools for the Game ("Generated Assets") shall vest in the Publisher upon creation, and Studio waives any moral rights it may have in them.}}
6. Payment. The Publisher shall pay each milestone invoice within thirty (30) days.
"""),
    ("go2-ai-assisted-copy-work-for-hire", """CONTENT SERVICES AGREEMENT

2. Services. Writer will prepare product descriptions and newsletters for Client. Writer may use artificial intelligence tools to prepare first drafts, provided that Writer edits every draft personally.
3. Rights. {{GO|All materials delivered under this Agreement, including text first drafted by artificial intelligence tools, are works made for hire for Client, and Client shall be their sole author and owner.}}
4. Fees. Client shall pay USD 0.25 per word.
"""),
    ("go2-adapter-trained-on-bank-data", """MODEL CUSTOMISATION ORDER

Parties: Quanta Analytics Ltd (the "Vendor") and Harbour Savings Bank plc (the "Bank").
1. Scope. Vendor will adapt an open-weight language model to classify complaint letters, training it on anonymised complaint letters supplied by the Bank.
2. Ownership. {{GO|The adapted model, including all adapter weights and checkpoints resulting from training on the Bank's data, belongs to the Bank from the moment it is created. Vendor may keep its generic training scripts.}}
3. Price. GBP 40,000.
"""),
    ("go2-supplier-owns-outputs-licence-back", """SUBSCRIPTION TERMS - CONTRACT DRAFTING ASSISTANT

1. Service. The Assistant suggests clause language using a large language model hosted by Supplier.
2. Rights in suggestions. {{GO|Supplier owns all suggestions and other outputs generated by the Assistant and grants Customer a non-exclusive, perpetual licence to use, copy and modify them in Customer's own contracts.}}
3. Fees. Customer shall pay the annual subscription fee in advance.
"""),
    ("go2-plain-upstream-gemini-rules", """Chatbot Build - Letter of Engagement

We will set up a chatbot for your online shop using Google's Gemini API.
{{GO|The chatbot runs on Google's service, so you agree to follow Google's generative AI terms of service and prohibited use policy for everything the chatbot produces.}}
Our fee is EUR 6,000, payable on launch.
"""),
    ("go2-synthetic-data-warranty", """DATA SERVICES AGREEMENT

6. Synthetic Data. Consultant will use generative models to create synthetic patient records for testing Client's software.
7. Warranty. {{GO|Consultant represents and warrants that the synthetic records and all other machine-generated material it delivers are original to Consultant and will not infringe the copyright, database rights or privacy rights of any third party.}}
8. Liability. Each party's liability is capped at the fees paid.
"""),
    ("go2-we-assign-transcripts", """Terms for the Concierge Bot service

- We operate an AI concierge that answers your guests' questions using a large language model.
- {{GO|We assign to you all rights we have in the replies the concierge writes for your guests and in the conversation transcripts.}}
- You pay us monthly by card.
"""),
    ("go2-copilot-responses-defined", """ANALYTICS COPILOT ADDENDUM

1. "Copilot" means the AI assistant feature of the Platform. "Query" means a question submitted by Customer to the Copilot, and "Response" means the text, charts or SQL returned by the Copilot for a Query.
2. {{GO|Customer shall retain all right, title and interest in its Queries and Responses.}}
3. This Addendum forms part of the Master Subscription Agreement.
"""),
    ("nm-go2-training-ban-customer-data-owned", """CLOUD CONTACT CENTRE AGREEMENT

5. Customer Data. Customer retains all right, title and interest in Customer Data.
6. No training. Provider shall not use Customer Data to train, fine-tune or improve any artificial intelligence or machine learning model, including any large language model.
7. Ownership of the Service. Provider owns the Service, the Documentation and all improvements to them.
"""),
    ("nm-go2-generator-power-output", """GENERATOR RENTAL AND POWER SUPPLY AGREEMENT

3. Output. Lessor shall operate the generators to supply the Site, and all electricity output of the generators delivered to the Site meter shall be the property of Hirer from the moment of delivery.
4. Title. Title to the generators remains with Lessor at all times.
"""),
    ("nm-go2-staff-ai-use-policy", """ANNEX 4 - USE OF GENERATIVE AI

a) Supplier personnel may use generative AI tools approved by Customer's information security team for internal drafting only.
b) Supplier shall keep a log of the tools used and shall label any deliverable that contains AI-assisted content.
c) Supplier shall ensure that no personal data is entered into a generative AI tool.
"""),
    ("nm-go2-photo-shoot-model", """MODEL RELEASE AND SHOOT AGREEMENT

1. The Model will attend a two-day shoot for Client's spring catalogue.
2. All photographs and video footage of the Model created during the Shoot shall be owned exclusively by Client, who may use them in any medium.
3. Client shall pay the Model a day rate of USD 1,800.
"""),
    ("nm-go2-architect-cad-models", """ARCHITECTURAL SERVICES AGREEMENT

7. Drawings and models. The drawings, specifications, CAD models and physical scale models prepared by Architect for the Project are the property of Owner upon payment, and Architect may retain copies for its records.
8. Design tools. Architect may use parametric design software to generate design options.
"""),
    ("nm-go2-ai-platform-owns-platform-only", """SUBSCRIPTION AGREEMENT - SMART INBOX

2. Service. The Smart Inbox uses generative AI to sort and summarise incoming support emails.
9. Intellectual property. Provider owns the Service, its software and the Documentation. Customer owns Customer Data.
10. Fees. Fees are payable annually in advance.
"""),
]


def build(item_id, marked):
    """Strips the markers and returns (text, labels) with character offsets."""
    text = []
    labels = {name: [] for name in CATEGORIES.values()}
    pos = 0
    length = 0
    for m in MARK.finditer(marked):
        before = marked[pos : m.start()]
        text.append(before)
        length += len(before)
        span = m.group(2)
        labels[CATEGORIES[m.group(1)]].append({"text": span, "start": length})
        text.append(span)
        length += len(span)
        pos = m.end()
    text.append(marked[pos:])
    full = "".join(text)
    if "{{" in full or "}}" in full:
        raise SystemExit(f"{item_id}: unbalanced marker")
    for spans in labels.values():
        for s in spans:
            assert full[s["start"] : s["start"] + len(s["text"])] == s["text"], item_id
    return full, labels


def main():
    ids = [i for i, _ in ITEMS + ADDED_ITEMS]
    if len(ids) != len(set(ids)):
        raise SystemExit("duplicate ids")
    records = []
    for item_id, marked in ITEMS:
        text, labels = build(item_id, marked)
        records.append({"id": f"playbook-{item_id}", "text": text, "labels": labels})
    random.Random(20240605).shuffle(records)
    for item_id, marked in ADDED_ITEMS:
        text, labels = build(item_id, marked)
        records.append({"id": f"playbook-{item_id}", "text": text, "labels": labels})
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "playbook.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    dd = sum(1 for r in records if r["labels"]["Data Deletion"])
    go = sum(1 for r in records if r["labels"]["GenAI Output Ownership"])
    print(f"{out}: {len(records)} contracts; Data Deletion {dd}, GenAI Output Ownership {go}")


if __name__ == "__main__":
    main()
